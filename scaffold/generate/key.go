package generate

import (
	"crypto/sha256"
	"encoding/hex"
	"io"
	"os"
	"sync"
)

// toolDigest is the hex SHA-256 of the running executable (of no bytes
// when it cannot be read), computed once per process.
var toolDigest = sync.OnceValue(func() string {
	h := sha256.New()
	if exe, err := os.Executable(); err == nil {
		if f, err := os.Open(exe); err == nil {
			io.Copy(h, f)
			f.Close()
		}
	}
	return hex.EncodeToString(h.Sum(nil))
})

// cacheKey identifies what, besides a partner file, a page depends on: the
// template set and the program that renders it (its executable's bytes, so
// a rebuilt binary with other escaping never trusts old pages).
func cacheKey(templates string) string {
	sum := sha256.Sum256([]byte(templates + "\x00" + toolDigest()))
	return hex.EncodeToString(sum[:])
}
