package lint

import (
	"encoding/json"
	"fmt"
	"io"
	"sort"
)

// Rule ids, as DESIGN.md names them (plus `read` for a file that cannot be read).
const (
	RulePlaceholder   = "placeholder"
	RuleVariantMarker = "variant-marker"
	RuleEmptyStep     = "empty-step"
	RuleStepNumbering = "step-numbering"
	RuleNameMismatch  = "name-mismatch"
	RuleEmailMismatch = "email-mismatch"
	RuleAnchor        = "anchor"
	RuleLinkForm      = "link-form"
	RuleFrontMatter   = "front-matter"
	RuleMDX           = "mdx"
	RuleLinkTarget    = "link-target"
	RuleRead          = "read"
	RuleOutdatedUI    = "outdated-ui"
	RuleElision       = "elision"
	RuleCodeSpan      = "code-span"
	RuleSpelling      = "spelling"
	RuleStyle         = "style"
)

// Severities. An error fails the run; a warning fails it only with
// --strict; a suggestion never does.
const (
	SeverityError      = "error"
	SeverityWarning    = "warning"
	SeveritySuggestion = "suggestion"
	SeverityOff        = "off" // in configuration: the rule does not run
)

// Rules lists every rule id with its default severity.
var Rules = map[string]string{
	RulePlaceholder: SeverityError, RuleVariantMarker: SeverityError, RuleEmptyStep: SeverityError,
	RuleStepNumbering: SeverityError, RuleNameMismatch: SeverityError, RuleEmailMismatch: SeverityError,
	RuleAnchor: SeverityError, RuleLinkForm: SeverityError, RuleFrontMatter: SeverityError,
	RuleMDX: SeverityError, RuleLinkTarget: SeverityError, RuleElision: SeverityError,
	RuleOutdatedUI: SeverityWarning, RuleRead: SeverityError, RuleSuppression: SeverityWarning,
	RuleCodeSpan: SeverityError, RuleSpelling: SeverityWarning,
	RuleStyle: SeverityWarning,
}

// Finding is one problem in a page.
type Finding struct {
	Path     string `json:"path"`
	Line     int    `json:"line"`
	Col      int    `json:"col"`
	Rule     string `json:"rule"`
	Severity string `json:"severity"` // error or warning
	Message  string `json:"message"`
}

// String formats the finding as path:line:col: rule: message, the message
// starting with "warning: " for a warning.
func (f Finding) String() string {
	msg := f.Message
	if f.Severity == SeverityWarning || f.Severity == SeveritySuggestion {
		msg = f.Severity + ": " + msg
	}
	return fmt.Sprintf("%s:%d:%d: %s: %s", f.Path, f.Line, f.Col, f.Rule, msg)
}

// Errors counts the findings that fail a run: errors, and with strict
// warnings too. Suggestions never do.
func Errors(fs []Finding, strict ...bool) int {
	n := 0
	for _, f := range fs {
		if f.Severity == SeverityError || f.Severity == "" || f.Severity == SeverityWarning && len(strict) > 0 && strict[0] {
			n++
		}
	}
	return n
}

// Sort orders findings by path, line, column and rule.
func Sort(fs []Finding) {
	sort.SliceStable(fs, func(i, j int) bool {
		a, b := fs[i], fs[j]
		if a.Path != b.Path {
			return a.Path < b.Path
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		return a.Rule < b.Rule
	})
}

// WriteText prints one finding per line.
func WriteText(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		if _, err := fmt.Fprintln(w, f.String()); err != nil {
			return err
		}
	}
	return nil
}

// WriteJSON prints the findings as a JSON array (an empty array when clean).
func WriteJSON(w io.Writer, fs []Finding) error {
	if fs == nil {
		fs = []Finding{}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(fs)
}
