package lint

import (
	"fmt"
	"regexp"
	"strconv"

	"github.com/yuin/goldmark/ast"
)

func (c *checker) steps() {
	ast.Walk(c.p.Root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		list, ok := n.(*ast.List)
		if !entering || !ok {
			return ast.WalkContinue, nil
		}
		var nums []int
		var poss []Pos
		for _, st := range c.p.Steps(list) {
			if st.Empty {
				c.add(st.Marker, RuleEmptyStep, "empty step: write what the reader does here, or delete the line")
			}
			if list.IsOrdered() && st.Numbered {
				nums = append(nums, st.Number)
				poss = append(poss, st.Marker)
			}
		}
		c.numbering(nums, poss)
		return ast.WalkContinue, nil
	})
}

// numbering accepts steps numbered all "1." (the site renumbers them) or
// counting up by one from the first; it reports the first step that breaks
// the pattern.
func (c *checker) numbering(nums []int, poss []Pos) {
	if len(nums) < 2 {
		return
	}
	allOnes := nums[0] == 1 && nums[1] == 1
	for i := 1; i < len(nums); i++ {
		want := nums[0] + i
		if allOnes {
			want = 1
		}
		if nums[i] != want {
			c.add(poss[i], RuleStepNumbering, fmt.Sprintf("step numbered %d where %d was expected (the step before is %d, on line %d): number every step 1. or count 1, 2, 3…", nums[i], want, nums[i-1], poss[i-1].Line))
			return
		}
	}
}

// stageRe reads a numbered stage heading: "2. Connect the Bridge", "3) Test".
var stageRe = regexp.MustCompile(`^(\d+)[.)]\s`)

// stages checks numbered stage headings ("## 1. Install", "## 2. Connect"):
// at each level, the first is 1 and each counts up by one.
func (c *checker) stages() {
	last := map[int]int{}
	lastLine := map[int]int{}
	for _, h := range c.p.Headings {
		m := stageRe.FindStringSubmatch(h.Text)
		if m == nil {
			continue
		}
		n, _ := strconv.Atoi(m[1])
		want := last[h.Level] + 1
		switch {
		case n != want && last[h.Level] == 0:
			c.add(h.Pos, RuleStepNumbering, fmt.Sprintf("the first numbered heading is %d: number the stages 1, 2, 3…", n))
		case n != want:
			c.add(h.Pos, RuleStepNumbering, fmt.Sprintf("heading numbered %d where %d was expected (the one before, on line %d, is %d)", n, want, lastLine[h.Level], last[h.Level]))
		}
		last[h.Level], lastLine[h.Level] = n, h.Pos.Line
	}
}
