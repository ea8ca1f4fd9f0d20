package lint

import (
	"fmt"
	"regexp"
	"strings"
)

// RuleSuppression reports a suppression comment that names an unknown rule
// or silences nothing (so that stale ones do not pile up).
const RuleSuppression = "suppression"

// suppressRe finds a suppression comment. It is an MDX expression comment,
// which the site's MDX build accepts, unlike an HTML comment.
var suppressRe = func() *regexp.Regexp {
	return regexp.MustCompile(`\{/\*\s*partnerpages-lint-(disable-next-line|disable|enable)\s+([a-z][a-z-]*(?:\s*,\s*[a-z][a-z-]*)*)\s*\*/\}`)
}()

// directive is one rule named by one suppression comment.
type directive struct {
	kind      string // disable, enable, disable-next-line
	rule      string
	line, col int
	from, to  int // the lines it silences (inclusive)
	silenced  int
}

// suppress drops the findings that suppression comments silence and
// reports the comments that name an unknown rule or silence nothing.
//
//	{/* partnerpages-lint-disable RULE[, RULE] */} … {/* partnerpages-lint-enable RULE */}
//	{/* partnerpages-lint-disable-next-line RULE */}
func (c *checker) suppress() {
	lines := strings.Split(string(c.p.Src), "\n")
	var ds []*directive
	open := map[string]*directive{}
	for i, line := range lines {
		if c.p.InCodeBlock(i + 1) {
			continue // a directive shown in code is an example, not one
		}
		for _, m := range suppressRe.FindAllStringSubmatchIndex(line, -1) {
			kind := line[m[2]:m[3]]
			for _, rule := range strings.Split(line[m[4]:m[5]], ",") {
				rule = strings.TrimSpace(rule)
				d := &directive{kind: kind, rule: rule, line: i + 1, col: len([]rune(line[:m[0]])) + 1}
				if _, known := Rules[rule]; !known || rule == RuleSuppression {
					c.add(Pos{Line: d.line, Col: d.col}, RuleSuppression, fmt.Sprintf("%q is not a rule id; the rules are listed by `partnerpages lint --help`", rule))
					continue
				}
				switch kind {
				case "disable-next-line":
					next := i + 1
					for next < len(lines) && strings.TrimSpace(lines[next]) == "" {
						next++
					}
					d.from, d.to = next+1, next+1
					ds = append(ds, d)
				case "disable":
					d.from, d.to = i+1, len(lines)
					open[rule] = d
					ds = append(ds, d)
				case "enable":
					if o := open[rule]; o != nil {
						o.to = i + 1
						delete(open, rule)
					} else {
						c.add(Pos{Line: d.line, Col: d.col}, RuleSuppression, fmt.Sprintf("enables %s, which no comment above disables", rule))
					}
				}
			}
		}
	}
	if len(ds) == 0 {
		return
	}
	kept := c.findings[:0]
	for _, f := range c.findings {
		silenced := false
		for _, d := range ds {
			if f.Rule == d.rule && f.Line >= d.from && f.Line <= d.to {
				d.silenced++
				silenced = true
			}
		}
		if !silenced {
			kept = append(kept, f)
		}
	}
	c.findings = kept
	for _, d := range ds {
		if d.silenced == 0 {
			c.addSeverity(Pos{Line: d.line, Col: d.col}, RuleSuppression, SeverityWarning, fmt.Sprintf("partnerpages-lint-%s %s silences nothing; remove it", d.kind, d.rule))
		}
	}
}
