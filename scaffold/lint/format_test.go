package lint

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
)

var sampleFindings = []Finding{
	{Path: "apps/x/fr/connect-hubrise.md", Line: 12, Col: 4, Rule: RuleElision, Severity: SeverityError, Message: `"de Expedy": write "d'Expedy"`},
	{Path: "apps/x/en/a, b.md", Line: 3, Col: 1, Rule: RuleOutdatedUI, Severity: SeverityWarning, Message: "old steps: 100%\nsee below"},
	{Path: "p.md", Line: 1, Col: 1, Rule: RuleLinkForm, Severity: SeveritySuggestion, Message: "a hint"},
}

func TestWriteGitHub(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteGitHub(&b, sampleFindings); err != nil {
		t.Fatal(err)
	}
	want := "::error file=apps/x/fr/connect-hubrise.md,line=12,col=4,title=partnerpages elision::" + `"de Expedy": write "d'Expedy"` + "\n" +
		"::warning file=apps/x/en/a%2C b.md,line=3,col=1,title=partnerpages outdated-ui::old steps: 100%25%0Asee below\n" +
		"::notice file=p.md,line=1,col=1,title=partnerpages link-form::a hint\n"
	if b.String() != want {
		t.Errorf("got\n%s\nwant\n%s", b.String(), want)
	}
}

func TestWriteSARIF(t *testing.T) {
	t.Parallel()
	var b bytes.Buffer
	if err := WriteSARIF(&b, sampleFindings); err != nil {
		t.Fatal(err)
	}
	var log struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []struct {
				RuleID  string `json:"ruleId"`
				Level   string `json:"level"`
				Message struct{ Text string }
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal(b.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	if log.Version != "2.1.0" || len(log.Runs) != 1 || len(log.Runs[0].Results) != 3 {
		t.Fatalf("log: %s", b.String())
	}
	if r := log.Runs[0].Results[1]; r.RuleID != RuleOutdatedUI || r.Level != "warning" {
		t.Errorf("result: %+v", r)
	}
	// Against the SARIF 2.1.0 JSON schema, when CI provides it
	// (SARIF_SCHEMA, from the npm package @microsoft/jest-sarif).
	path := os.Getenv("SARIF_SCHEMA")
	if path == "" {
		t.Skip("SARIF_SCHEMA not set; CI sets it")
	}
	c := jsonschema.NewCompiler()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := jsonschema.UnmarshalJSON(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.AddResource("sarif.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("sarif.json")
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(inst); err != nil {
		t.Errorf("the SARIF log does not match its schema: %v", err)
	}
}

func TestSeveritiesAndStrict(t *testing.T) {
	t.Parallel()
	page := strings.Replace(cleanPage, "## Connect Brewly", "## Connect SOLUTION", 1)
	o := DefaultOptions()
	o.Severities = map[string]string{RulePlaceholder: SeverityWarning}
	fs := Check(Parse("p.md", []byte(page)), o)
	if len(fs) == 0 || fs[0].Severity != SeverityWarning || Errors(fs) != 0 || Errors(fs, true) == 0 {
		t.Errorf("a rule set to warning: %v", fs)
	}
	o.Severities = map[string]string{RulePlaceholder: SeverityOff}
	if fs := Check(Parse("p.md", []byte(page)), o); len(fs) != 0 {
		t.Errorf("a rule switched off still reports: %v", fs)
	}
}
