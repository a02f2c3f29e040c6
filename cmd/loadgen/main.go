// Command loadgen is a bounded HTTP load generator for measuring tahlil serve
// on this machine: a fixed number of clients send the same request for a fixed
// time, then it reports requests per second, latency percentiles, errors and,
// given the server's process id, its resident memory over the run.
//
//	loadgen -url http://127.0.0.1:8080/api/analyze -text article.txt -c 8 -d 30s -pid 1234
//
// It only targets loopback addresses, and runs for at most ten minutes.
package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

type config struct {
	url, method, ctype string
	body               []byte
	clients            int
	duration           time.Duration
	pid                int
	samples            int
}

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	fs.SetOutput(stderr)
	u := fs.String("url", "http://127.0.0.1:8080/api/analyze", "target URL (loopback only)")
	bodyFile := fs.String("body", "", "file sent as the request body (POST); empty sends GET")
	textFile := fs.String("text", "", `file sent as {"text": CONTENTS} (POST), instead of -body`)
	ctype := fs.String("type", "application/json", "Content-Type of the body")
	c := fs.Int("c", 8, "concurrent clients")
	d := fs.Duration("d", 30*time.Second, "duration (at most 10m)")
	pid := fs.Int("pid", 0, "server process id whose resident memory is sampled (0: none)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	cfg := config{url: *u, method: "GET", ctype: *ctype, clients: *c, duration: *d, pid: *pid, samples: 10}
	if *bodyFile != "" {
		b, err := os.ReadFile(*bodyFile)
		if err != nil {
			fmt.Fprintln(stderr, "loadgen:", err)
			return 1
		}
		cfg.body, cfg.method = b, "POST"
	}
	if *textFile != "" {
		b, err := os.ReadFile(*textFile)
		if err != nil {
			fmt.Fprintln(stderr, "loadgen:", err)
			return 1
		}
		cfg.body, _ = json.Marshal(map[string]string{"text": string(b)})
		cfg.method = "POST"
	}
	if err := checkTarget(cfg.url); err != nil {
		fmt.Fprintln(stderr, "loadgen:", err)
		return 2
	}
	if cfg.clients < 1 || cfg.clients > 256 || cfg.duration <= 0 || cfg.duration > 10*time.Minute {
		fmt.Fprintln(stderr, "loadgen: -c must be 1..256 and -d at most 10m")
		return 2
	}
	rep, err := load(context.Background(), cfg)
	if err != nil {
		fmt.Fprintln(stderr, "loadgen:", err)
		return 1
	}
	rep.print(stdout, cfg)
	if rep.errors > 0 {
		return 1
	}
	return 0
}

// checkTarget refuses any host that is not a loopback address.
func checkTarget(raw string) error {
	u, err := url.Parse(raw)
	if err != nil {
		return err
	}
	if u.Scheme != "http" {
		return fmt.Errorf("-url %q: only http:// is supported", raw)
	}
	host := u.Hostname()
	if host == "localhost" {
		return nil
	}
	ip := net.ParseIP(host)
	if ip == nil || !ip.IsLoopback() {
		return fmt.Errorf("-url %q: only loopback targets (127.0.0.0/8, ::1, localhost) are allowed", raw)
	}
	return nil
}

type report struct {
	elapsed   time.Duration
	latencies []time.Duration
	errors    int
	firstErr  string
	rss       []int64 // kB, sampled evenly over the run
}

func load(ctx context.Context, cfg config) (*report, error) {
	tr := &http.Transport{MaxIdleConnsPerHost: cfg.clients, MaxConnsPerHost: cfg.clients, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 30 * time.Second}

	// One warm-up request, which must succeed.
	if _, err := once(ctx, client, cfg); err != nil {
		return nil, fmt.Errorf("warm-up request: %w", err)
	}

	ctx, cancel := context.WithTimeout(ctx, cfg.duration)
	defer cancel()
	rep := &report{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	start := time.Now()
	for range cfg.clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var lat []time.Duration
			var errs int
			var first string
			for ctx.Err() == nil {
				d, err := once(ctx, client, cfg)
				if ctx.Err() != nil && err != nil {
					break // cut off by the end of the run
				}
				if err != nil {
					errs++
					if first == "" {
						first = err.Error()
					}
					continue
				}
				lat = append(lat, d)
			}
			mu.Lock()
			rep.latencies = append(rep.latencies, lat...)
			rep.errors += errs
			if rep.firstErr == "" {
				rep.firstErr = first
			}
			mu.Unlock()
		}()
	}
	if cfg.pid > 0 {
		rep.rss = append(rep.rss, rssKB(cfg.pid))
		tick := time.NewTicker(cfg.duration / time.Duration(cfg.samples))
	sample:
		for {
			select {
			case <-tick.C:
				rep.rss = append(rep.rss, rssKB(cfg.pid))
			case <-ctx.Done():
				break sample
			}
		}
		tick.Stop()
	}
	wg.Wait()
	rep.elapsed = time.Since(start)
	if cfg.pid > 0 {
		rep.rss = append(rep.rss, rssKB(cfg.pid))
	}
	return rep, nil
}

// once sends one request and reads the whole answer; any status but 200 is
// an error.
func once(ctx context.Context, client *http.Client, cfg config) (time.Duration, error) {
	var body io.Reader
	if cfg.body != nil {
		body = bytes.NewReader(cfg.body)
	}
	req, err := http.NewRequestWithContext(ctx, cfg.method, cfg.url, body)
	if err != nil {
		return 0, err
	}
	if cfg.body != nil {
		req.Header.Set("Content-Type", cfg.ctype)
	}
	t0 := time.Now()
	resp, err := client.Do(req)
	if err != nil {
		return 0, err
	}
	_, err = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	d := time.Since(t0)
	if err != nil {
		return 0, err
	}
	if resp.StatusCode != http.StatusOK {
		return 0, errors.New(resp.Status)
	}
	return d, nil
}

// rssKB returns the resident set size of a process in kB from /proc, or -1.
func rssKB(pid int) int64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return -1
	}
	for _, line := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			n, _ := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), 10, 64)
			return n
		}
	}
	return -1
}

func (r *report) print(w io.Writer, cfg config) {
	slices.Sort(r.latencies)
	pct := func(p float64) time.Duration {
		if len(r.latencies) == 0 {
			return 0
		}
		return r.latencies[min(len(r.latencies)-1, int(p*float64(len(r.latencies))))]
	}
	n := len(r.latencies)
	fmt.Fprintf(w, "%s %s, %d clients, %s\n", cfg.method, cfg.url, cfg.clients, r.elapsed.Round(time.Millisecond))
	fmt.Fprintf(w, "requests: %d ok, %d errors (%.1f req/s)\n", n, r.errors, float64(n)/r.elapsed.Seconds())
	if r.firstErr != "" {
		fmt.Fprintf(w, "first error: %s\n", r.firstErr)
	}
	fmt.Fprintf(w, "latency: p50 %s, p90 %s, p99 %s, max %s\n",
		ms(pct(0.50)), ms(pct(0.90)), ms(pct(0.99)), ms(pct(1)))
	if len(r.rss) > 0 {
		parts := make([]string, len(r.rss))
		for i, v := range r.rss {
			parts[i] = fmt.Sprintf("%.1f", float64(v)/1024)
		}
		fmt.Fprintf(w, "server RSS (MiB, start to end): %s\n", strings.Join(parts, " "))
	}
}

func ms(d time.Duration) string { return fmt.Sprintf("%.2fms", float64(d)/float64(time.Millisecond)) }
