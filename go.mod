module tahlil

go 1.26.8

require golang.org/x/text v0.43.0

require github.com/syumai/workers v0.32.0
