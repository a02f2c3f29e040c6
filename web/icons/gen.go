//go:build ignore

// gen draws the app icons: a deep teal tile with three lines of right-aligned
// (RTL) text, one word of them highlighted, as the app highlights entities.
//
//	go run gen.go -out .
package main

import (
	"flag"
	"image"
	"image/color"
	"image/png"
	"log"
	"math"
	"os"
	"path/filepath"
)

type rrect struct {
	x0, y0, x1, y1, r float64
	c                 color.NRGBA
}

// inside reports whether (x, y) lies in the rounded rectangle.
func (q rrect) inside(x, y float64) bool {
	cx := math.Max(q.x0+q.r, math.Min(x, q.x1-q.r))
	cy := math.Max(q.y0+q.r, math.Min(y, q.y1-q.r))
	if x < q.x0 || x > q.x1 || y < q.y0 || y > q.y1 {
		return false
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= q.r*q.r
}

var (
	teal  = color.NRGBA{0x0f, 0x5e, 0x63, 0xff}
	teal2 = color.NRGBA{0x0a, 0x48, 0x4c, 0xff}
	white = color.NRGBA{0xf6, 0xf4, 0xef, 0xff}
	amber = color.NRGBA{0xff, 0xb8, 0x4d, 0xff}
	dark  = color.NRGBA{0x5a, 0x36, 0x00, 0xff}
)

// content is drawn in a 512-unit square.
var content = []rrect{
	{136, 142, 376, 184, 21, white},
	{292, 226, 376, 268, 21, white},
	{128, 212, 272, 282, 20, amber},
	{136, 240, 176, 254, 7, dark}, // the small type label inside the highlight
	{196, 310, 376, 352, 21, white},
}

func draw(size int, maskable bool) *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, size, size))
	scale := 512 / float64(size)
	bg := rrect{0, 0, 512, 512, 112, teal}
	shrink := 1.0
	if maskable {
		bg.r = 0
		shrink = 0.8 // keep the drawing inside the maskable safe zone
	}
	const ss = 4 // supersampling per axis
	for py := 0; py < size; py++ {
		for px := 0; px < size; px++ {
			var r, g, b, a float64
			for sy := 0; sy < ss; sy++ {
				for sx := 0; sx < ss; sx++ {
					x := (float64(px) + (float64(sx)+0.5)/ss) * scale
					y := (float64(py) + (float64(sy)+0.5)/ss) * scale
					if !bg.inside(x, y) {
						continue
					}
					// vertical gradient on the tile
					t := y / 512
					c := color.NRGBA{
						uint8(float64(teal.R)*(1-t) + float64(teal2.R)*t),
						uint8(float64(teal.G)*(1-t) + float64(teal2.G)*t),
						uint8(float64(teal.B)*(1-t) + float64(teal2.B)*t), 0xff}
					cx := 256 + (x-256)/shrink
					cy := 256 + (y-256)/shrink + 8
					for _, q := range content {
						if q.inside(cx, cy) {
							c = q.c
						}
					}
					r += float64(c.R)
					g += float64(c.G)
					b += float64(c.B)
					a++
				}
			}
			if a == 0 {
				continue
			}
			img.SetNRGBA(px, py, color.NRGBA{uint8(r / a), uint8(g / a), uint8(b / a), uint8(255 * a / (ss * ss))})
		}
	}
	return img
}

func main() {
	out := flag.String("out", ".", "output directory")
	flag.Parse()
	for _, f := range []struct {
		name     string
		size     int
		maskable bool
	}{
		{"icon-192.png", 192, false},
		{"icon-512.png", 512, false},
		{"maskable-512.png", 512, true},
	} {
		w, err := os.Create(filepath.Join(*out, f.name))
		if err != nil {
			log.Fatal(err)
		}
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(w, draw(f.size, f.maskable)); err != nil {
			log.Fatal(err)
		}
		if err := w.Close(); err != nil {
			log.Fatal(err)
		}
	}
}
