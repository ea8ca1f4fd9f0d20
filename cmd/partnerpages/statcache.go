package main

import (
	"os"

	"github.com/partnerpages/partnerpages/scaffold/output"
)

// statCachePath returns the stat cache file of the output folder out: in
// the user's cache folder, or in $PARTNERPAGES_CACHE_DIR when set; "" (no
// cache, every page is read) when that is "off" or there is no cache folder.
func statCachePath(out string) string {
	dir := os.Getenv("PARTNERPAGES_CACHE_DIR")
	if dir == "off" {
		return ""
	}
	if dir == "" {
		var err error
		if dir, err = os.UserCacheDir(); err != nil {
			return ""
		}
	}
	return output.StatCachePath(dir, out)
}
