package lint

import "fmt"

// Options configure the rules.
type Options struct {
	// PlatformEmails are the platform's own addresses (copied on contact
	// requests); they are not partner e-mails.
	PlatformEmails []string
	// PlatformName is the platform's own name (HubRise); headings may name it.
	PlatformName string
	// SiteHosts are the docs site's own domains: links to them must be root-relative.
	SiteHosts []string
	// Site, when set, resolves /docs/ and /apps/ links against a content tree.
	Site *Site
	// Severities sets a rule's severity (error, warning, suggestion) or
	// switches it off ("off"); rules it does not name keep their default.
	Severities map[string]string
	// Skip lists paths (folders, files or globs, absolute or relative to
	// the working folder) whose pages lint passes over.
	Skip []string
	// UI holds the platform's current UI labels (language → name → label),
	// from the template set; outdated-ui names them as the fix.
	UI map[string]map[string]string
	// Speller, when set, checks the prose's words against the language's
	// dictionary (rule spelling); Words are the project's own words it
	// accepts besides, in lower case.
	Speller Speller
	Words   map[string]bool
}

// DefaultOptions are the platform's facts as the shipped template set states them.
func DefaultOptions() Options {
	return Options{
		PlatformEmails: []string{"support@hubrise.com"},
		PlatformName:   "HubRise",
		SiteHosts:      []string{"hubrise.com", "www.hubrise.com"},
	}
}

// rule is one check over a parsed page.
type rule func(c *checker)

// siteRules apply to every page of the site: links, link targets, MDX
// safety, front matter validity, unfinished text, French elision.
var siteRules = []rule{
	(*checker).frontMatter,
	(*checker).unfinished,
	(*checker).elision,
	(*checker).anchors,
	(*checker).linkForms,
	(*checker).mdx,
	(*checker).code,
	(*checker).codeSpans,
	(*checker).linkTargets,
	(*checker).spelling,
	(*checker).headingCase,
	(*checker).metaStyle,
	(*checker).noticeForm,
	(*checker).uiLabels,
}

// connectRules apply to connect pages only: they know the connect
// template's placeholders, markers, sections and facts.
var connectRules = []rule{
	(*checker).placeholders,
	(*checker).variantMarkers,
	(*checker).steps,
	(*checker).stages,
	(*checker).names,
	(*checker).copiedFromAnotherApp,
	(*checker).emails,
	(*checker).sectionAnchors,
	(*checker).outdatedUI,
}

// checker runs the rules over one page and collects findings.
type checker struct {
	p        *Page
	o        Options
	connect  bool // the page is a connect page
	findings []Finding
	seen     map[Finding]bool // the findings so far, so none is reported twice
	repeats  map[string]int   // findings of each rule and message, past maxRepeats unlisted
}

// maxRepeats is how many findings of one rule with one message a page
// lists; the others are counted in one last finding (a page of 4 MiB of
// braces would otherwise list millions).
const maxRepeats = 50

func (c *checker) add(pos Pos, rule, msg string) {
	c.addSeverity(pos, rule, SeverityError, msg)
}

func (c *checker) addSeverity(pos Pos, rule, severity, msg string) {
	if s, ok := c.o.Severities[rule]; ok {
		if s == SeverityOff {
			return
		}
		severity = s
	}
	f := Finding{Path: c.p.Path, Line: pos.Line, Col: pos.Col, Rule: rule, Severity: severity, Message: msg}
	if c.repeats[rule+"\x00"+msg]++; c.repeats[rule+"\x00"+msg] > maxRepeats {
		return
	}
	if !c.seen[f] {
		c.seen[f] = true
		c.findings = append(c.findings, f)
	}
}

// Check runs every rule over a page and returns its findings, sorted.
func Check(p *Page, o Options) []Finding {
	c := &checker{p: p, o: o, connect: p.IsConnect(), seen: map[Finding]bool{}, repeats: map[string]int{}}
	for _, r := range siteRules {
		r(c)
	}
	if c.connect {
		for _, r := range connectRules {
			r(c)
		}
	}
	c.countRepeats()
	c.suppress()
	Sort(c.findings)
	return c.findings
}

// countRepeats adds, for each rule and message found more than maxRepeats
// times, one finding that says how many more there are, at the last one listed.
func (c *checker) countRepeats() {
	var more []Finding
	for _, f := range c.findings {
		if n := c.repeats[f.Rule+"\x00"+f.Message]; n > maxRepeats {
			c.repeats[f.Rule+"\x00"+f.Message] = 0 // once per rule and message
			f.Message = fmt.Sprintf("%d more like this on the page are not listed: %s", n-maxRepeats, f.Message)
			more = append(more, f)
		}
	}
	c.findings = append(c.findings, more...)
}
