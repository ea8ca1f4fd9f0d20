package annotation

import (
	"bytes"
	"testing"
)

func TestWrite(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		in   Annotation
		want string
	}{
		{Annotation{Level: "error", File: "a.md", Line: 3, Col: 2, Title: "partnerpages anchor", Message: "no #x"},
			"::error file=a.md,line=3,col=2,title=partnerpages anchor::no #x\n"},
		{Annotation{Level: "warning", File: "dir,x:y.md", Message: "100% done\nnext"},
			"::warning file=dir%2Cx%3Ay.md::100%25 done%0Anext\n"},
	} {
		var b bytes.Buffer
		if err := Write(&b, tc.in); err != nil || b.String() != tc.want {
			t.Errorf("%+v: %q, %v; want %q", tc.in, b.String(), err, tc.want)
		}
	}
}
