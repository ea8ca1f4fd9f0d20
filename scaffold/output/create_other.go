//go:build !linux

package output

// createNew reports that this platform writes new pages like updated ones.
func createNew(dir, path string, data []byte) (bool, error) { return false, nil }

func mkdirFast(path string) error { return mkdir(path) }
