package lint

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/owenrumney/go-sarif/v2/sarif"

	"github.com/partnerpages/partnerpages/scaffold/annotation"
)

// WriteGitHub prints the findings as GitHub Actions workflow commands, so
// that they show on the pull request's lines: ::error file=…,line=…::message.
func WriteGitHub(w io.Writer, fs []Finding) error {
	for _, f := range fs {
		a := annotation.Annotation{Level: levelOf(f.Severity, "error", "warning", "notice"),
			File: f.Path, Line: f.Line, Col: f.Col, Title: "partnerpages " + f.Rule, Message: f.Message}
		if err := annotation.Write(w, a); err != nil {
			return err
		}
	}
	return nil
}

// levelOf names a severity in an output format's words.
func levelOf(severity, errorWord, warningWord, suggestionWord string) string {
	switch severity {
	case SeverityWarning:
		return warningWord
	case SeveritySuggestion:
		return suggestionWord
	}
	return errorWord
}

// ruleHelp describes each rule in one sentence, for SARIF readers.
var ruleHelp = map[string]string{
	RulePlaceholder:   "Unfinished text or a template placeholder left in the page.",
	RuleVariantMarker: "A template variant marker left in the page.",
	RuleEmptyStep:     "A numbered step with no text.",
	RuleStepNumbering: "Steps numbered neither all 1. nor 1, 2, 3.",
	RuleNameMismatch:  "The product named differently in different places.",
	RuleEmailMismatch: "Support e-mails that differ, or an invalid address.",
	RuleAnchor:        "An in-page link or heading id that points to the wrong place.",
	RuleLinkForm:      "A link the docs site reads wrongly.",
	RuleFrontMatter:   "Front matter the docs site needs is missing or invalid.",
	RuleMDX:           "Text that breaks the site's MDX build.",
	RuleLinkTarget:    "A site link that does not resolve.",
	RuleElision:       "French elision not done.",
	RuleCodeSpan:      "A backtick that opens a code span and never closes it.",
	RuleStyle:         "The site's style guide: English headings in title case, the meta title and description's form and length, a notice's form.",
	RuleSpelling:      "A word the language's dictionary lacks (hunspell), or a known slip such as \"to can\".",
	RuleOutdatedUI:    "The platform's old give-access steps.",
	RuleRead:          "A file that cannot be read.",
	RuleSuppression:   "A suppression comment that names no rule or silences nothing.",
}

// WriteSARIF prints the findings as a SARIF 2.1.0 log, for code-scanning tools.
func WriteSARIF(w io.Writer, fs []Finding) error {
	report, err := sarif.New(sarif.Version210)
	if err != nil {
		return err
	}
	run := sarif.NewRunWithInformationURI("partnerpages", "https://github.com/partnerpages/partnerpages")
	ids := make([]string, 0, len(Rules))
	for id := range Rules {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		run.AddRule(id).WithDescription(ruleHelp[id])
	}
	for _, f := range fs {
		level := levelOf(f.Severity, "error", "warning", "note")
		region := sarif.NewSimpleRegion(max(f.Line, 1), max(f.Line, 1)).WithStartColumn(max(f.Col, 1))
		loc := sarif.NewPhysicalLocation().WithArtifactLocation(sarif.NewSimpleArtifactLocation(f.Path)).WithRegion(region)
		run.CreateResultForRule(f.Rule).WithLevel(level).WithMessage(sarif.NewTextMessage(f.Message)).
			AddLocation(sarif.NewLocationWithPhysicalLocation(loc))
	}
	report.AddRun(run)
	return report.PrettyWrite(w)
}

// WriteTextColored prints the findings as WriteText does, with the
// position dimmed and the rule coloured by severity, for a terminal.
func WriteTextColored(w io.Writer, fs []Finding) error {
	const reset, dim, red, yellow, blue = "\x1b[0m", "\x1b[2m", "\x1b[31m", "\x1b[33m", "\x1b[34m"
	for _, f := range fs {
		colour := red
		switch f.Severity {
		case SeverityWarning:
			colour = yellow
		case SeveritySuggestion:
			colour = blue
		}
		line := f.String()
		pos := fmt.Sprintf("%s:%d:%d:", f.Path, f.Line, f.Col)
		rest := strings.TrimPrefix(line, pos+" "+f.Rule+":")
		if _, err := fmt.Fprintf(w, "%s%s%s %s%s%s:%s\n", dim, pos, reset, colour, f.Rule, reset, rest); err != nil {
			return err
		}
	}
	return nil
}
