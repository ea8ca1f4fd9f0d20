// Command synth writes N synthetic partner files, in every connection and
// disconnect mode and both languages, for the batch benchmark.
//
//	go run ./scripts/synth -n 5000 -dir /tmp/bench/partners
package main

import (
	"flag"
	"log"
	"os"
	"path/filepath"

	"github.com/partnerpages/partnerpages/internal/synth"
)

func main() {
	n := flag.Int("n", 5000, "number of partners")
	dir := flag.String("dir", "partners", "folder to write them to (created)")
	flag.Parse()
	if err := os.MkdirAll(*dir, 0o755); err != nil {
		log.Fatal(err)
	}
	for i := range *n {
		if err := os.WriteFile(filepath.Join(*dir, synth.FileName(i)), synth.Partner(i), 0o644); err != nil {
			log.Fatal(err)
		}
	}
}
