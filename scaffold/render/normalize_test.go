package render

import "testing"

// Tidy cuts what ends a line blank (spaces, tabs, carriage returns), makes
// a run of blank lines one, drops blank lines at either end and ends the
// page with one newline, and leaves fenced code as written.
func TestTidy(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct{ name, in, want string }{
		{"trailing blanks", "Open the app. \t\r\nThen log in.\t\n", "Open the app.\nThen log in.\n"},
		{"blank lines", "One.\n\n  \n\t\nTwo.\n", "One.\n\nTwo.\n"},
		{"blank ends", "\n \nOne.\n\n\n", "One.\n"},
		{"no final newline", "One.", "One.\n"},
		{"indent kept", "1. Step\n   - detail  \n", "1. Step\n   - detail\n"},
		{"fenced code", "Text \n```\ncode  \n\n\n\tmore\t\n```\nAfter \n", "Text\n```\ncode  \n\n\n\tmore\t\n```\nAfter\n"},
		{"tilde fence", "~~~\na  \n~~~\n", "~~~\na  \n~~~\n"},
		{"a shorter fence does not close", "````\n```\nx  \n````\ny \n", "````\n```\nx  \n````\ny\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			if got := string(Tidy([]byte(tt.in))); got != tt.want {
				t.Errorf("Tidy(%q) = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}
