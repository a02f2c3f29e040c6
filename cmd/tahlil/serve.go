package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"tahlil/internal/server"
)

func init() {
	commands["serve"] = command{"serve the web app and the JSON API (--addr 127.0.0.1:8080, --dir dist)", runServe}
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr)
}

// serve runs the server until ctx is done, then shuts it down gracefully.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fset := flag.NewFlagSet("serve", flag.ContinueOnError)
	fset.SetOutput(stderr)
	addr := fset.String("addr", "127.0.0.1:8080", "listen address")
	dir := fset.String("dir", "dist", `directory of the built web app ("" serves only the API)`)
	cors := fset.String("cors", "", `comma-separated origins allowed to call /api/ from browsers ("*" for any); empty turns CORS off`)
	if err := fset.Parse(args); err != nil {
		return 2
	}
	if fset.NArg() > 0 {
		fmt.Fprintf(stderr, "tahlil serve: unexpected argument %q\n", fset.Arg(0))
		return 2
	}
	logger := slog.New(slog.NewTextHandler(stderr, nil))

	cfg := server.Config{Logger: logger}
	if *dir != "" {
		st, err := os.Stat(*dir)
		if err != nil || !st.IsDir() {
			fmt.Fprintf(stderr, "tahlil serve: --dir %s is not a directory (build the web app with ./build.sh, or pass --dir \"\")\n", *dir)
			return 1
		}
		cfg.Static = os.DirFS(*dir)
		if _, err := fs.Stat(cfg.Static, "index.html"); err != nil {
			logger.Warn("no index.html in --dir; / will answer 404", "dir", *dir)
		}
	}
	cfg.CORSOrigins = server.ParseOrigins(*cors)

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "tahlil serve: %v\n", err)
		return 1
	}
	srv := &http.Server{
		Handler:           server.New(cfg),
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      60 * time.Second,
		IdleTimeout:       120 * time.Second,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	fmt.Fprintf(stdout, "serving http://%s\n", ln.Addr())

	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	select {
	case err := <-errc:
		fmt.Fprintf(stderr, "tahlil serve: %v\n", err)
		return 1
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintf(stderr, "tahlil serve: shutdown: %v\n", err)
		return 1
	}
	return 0
}
