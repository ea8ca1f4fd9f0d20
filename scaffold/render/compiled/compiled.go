// Package compiled runs text/template templates without the per-node work
// of text/template's own executor: each template of a set is compiled once
// into Go closures, a field or method is looked up once per type and call
// site, and a value that is a fmt.Stringer is printed without fmt.
//
// It covers the part of the template language page templates use: text,
// actions, if, with, range over slices, template calls, variables,
// pipelines, fields, methods, the set's functions and the builtins and, or,
// not, eq, len and index. A template that uses more does not compile
// (ErrUnsupported). An execution that meets a case it leaves to
// text/template (a nil or missing value, a function's error, a panic, a
// value that fmt would format) stops with ErrFallback: the caller then runs
// text/template itself, which gives its own output or error. So the output
// of a compiled template is always text/template's.
package compiled

import (
	"bytes"
	"errors"
	"fmt"
	"reflect"
	"text/template"
	"text/template/parse"
)

// ErrUnsupported is returned by Compile for a template that uses a part of
// the template language this package leaves to text/template.
var ErrUnsupported = errors.New("a construct left to text/template")

// ErrFallback is returned by Execute when the execution needs
// text/template: the output written so far is to be discarded.
var ErrFallback = errors.New("this execution needs text/template")

// maxDepth bounds nested template calls; deeper runs fall back, and
// text/template applies its own bound.
const maxDepth = 1000

// Template is a compiled template with the templates it may call.
type Template struct {
	name  string
	trees map[string]walker
}

// walker writes a node (or a list of nodes) with dot.
type walker func(s *state, dot reflect.Value)

// state is one execution: the output, the variables in scope and the call
// depth.
type state struct {
	t     *Template
	w     *bytes.Buffer
	vars  []variable
	base  int // the first variable of the template being executed
	depth int
	argv  []reflect.Value // the arguments of the calls under way, innermost on top
}

type variable struct {
	name  string
	value reflect.Value
}

// bailout is the panic that ends an execution that falls back.
type bailout struct{}

func bail() { panic(bailout{}) }

// Compile compiles t and every template associated with it. funcs must be
// the functions t was parsed with (FuncMap(funcs)).
func Compile(t *template.Template, funcs map[string]Func) (*Template, error) {
	c := &compiler{funcs: funcs}
	out := &Template{name: t.Name(), trees: map[string]walker{}}
	for _, tt := range t.Templates() {
		if tt.Tree == nil || tt.Tree.Root == nil {
			continue
		}
		w, err := c.list(tt.Tree.Root)
		if err != nil {
			return nil, fmt.Errorf("template %q: %w", tt.Name(), err)
		}
		out.trees[tt.Name()] = w
	}
	if out.trees[out.name] == nil {
		return nil, fmt.Errorf("template %q: %w: it has no body", out.name, ErrUnsupported)
	}
	return out, nil
}

// Execute writes the template with data to w. On ErrFallback, w holds part
// of an output, which the caller discards.
func (t *Template) Execute(w *bytes.Buffer, data any) (err error) {
	defer func() {
		if recover() != nil {
			err = ErrFallback
		}
	}()
	dot := reflect.ValueOf(data)
	s := &state{t: t, w: w, vars: make([]variable, 1, 16), argv: make([]reflect.Value, 0, 16)}
	s.vars[0] = variable{"$", dot}
	t.trees[t.name](s, dot)
	return nil
}

// lookup returns the value of the variable name in the template being
// executed.
func (s *state) lookup(name string) reflect.Value {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			return s.vars[i].value
		}
	}
	bail()
	return reflect.Value{}
}

// assign sets the variable name, declared before, to v.
func (s *state) assign(name string, v reflect.Value) {
	for i := len(s.vars) - 1; i >= s.base; i-- {
		if s.vars[i].name == name {
			s.vars[i].value = v
			return
		}
	}
	bail()
}

// compiler compiles the nodes of one template set.
type compiler struct {
	funcs map[string]Func
}

func unsupported(n parse.Node) error {
	return fmt.Errorf("%w: %s", ErrUnsupported, n)
}

// list compiles a list of nodes; nil compiles to nil.
func (c *compiler) list(l *parse.ListNode) (walker, error) {
	if l == nil {
		return nil, nil
	}
	var ws []walker
	for _, n := range l.Nodes {
		w, err := c.node(n)
		if err != nil {
			return nil, err
		}
		if w != nil {
			ws = append(ws, w)
		}
	}
	switch len(ws) {
	case 0:
		return func(*state, reflect.Value) {}, nil
	case 1:
		return ws[0], nil
	}
	return func(s *state, dot reflect.Value) {
		for _, w := range ws {
			w(s, dot)
		}
	}, nil
}

func (c *compiler) node(n parse.Node) (walker, error) {
	switch n := n.(type) {
	case *parse.TextNode:
		text := n.Text
		return func(s *state, _ reflect.Value) { s.w.Write(text) }, nil
	case *parse.CommentNode:
		return nil, nil
	case *parse.ActionNode:
		pipe, err := c.pipe(n.Pipe)
		if err != nil {
			return nil, err
		}
		if len(n.Pipe.Decl) > 0 {
			return func(s *state, dot reflect.Value) { pipe(s, dot) }, nil
		}
		return func(s *state, dot reflect.Value) { s.print(pipe(s, dot)) }, nil
	case *parse.IfNode:
		return c.branch(&n.BranchNode, false)
	case *parse.WithNode:
		return c.branch(&n.BranchNode, true)
	case *parse.RangeNode:
		return c.rangeNode(n)
	case *parse.TemplateNode:
		return c.call(n)
	}
	return nil, unsupported(n)
}

// control compiles the parts of if, with and range: the pipeline, the
// list and the else list (nil when there is none).
func (c *compiler) control(p *parse.PipeNode, l, e *parse.ListNode) (evaluator, walker, walker, error) {
	pipe, err := c.pipe(p)
	if err != nil {
		return nil, nil, nil, err
	}
	list, err := c.list(l)
	if err != nil {
		return nil, nil, nil, err
	}
	elseList, err := c.list(e)
	if err != nil {
		return nil, nil, nil, err
	}
	return pipe, list, elseList, nil
}

// branch compiles if (with false) and with: the variables its pipeline
// declares live until its end.
func (c *compiler) branch(n *parse.BranchNode, with bool) (walker, error) {
	pipe, list, elseList, err := c.control(n.Pipe, n.List, n.ElseList)
	if err != nil {
		return nil, err
	}
	return func(s *state, dot reflect.Value) {
		mark := len(s.vars)
		v := pipe(s, dot)
		switch {
		case !truth(v):
			if elseList != nil {
				elseList(s, dot)
			}
		case with:
			list(s, v)
		default:
			list(s, dot)
		}
		s.vars = s.vars[:mark]
	}, nil
}

// rangeNode compiles range over a slice or an array; anything else falls
// back at run time.
func (c *compiler) rangeNode(n *parse.RangeNode) (walker, error) {
	if n.Pipe.IsAssign {
		return nil, unsupported(n)
	}
	pipe, list, elseList, err := c.control(n.Pipe, n.List, n.ElseList)
	if err != nil {
		return nil, err
	}
	decls := len(n.Pipe.Decl)
	return func(s *state, dot reflect.Value) {
		outer := len(s.vars)
		val := pipe(s, dot) // pushes the declared variables
		mark := len(s.vars)
		if k := val.Kind(); k != reflect.Slice && k != reflect.Array {
			bail()
		}
		for i := range val.Len() {
			elem := val.Index(i)
			if decls > 0 {
				s.vars[mark-1].value = elem
			}
			if decls > 1 {
				s.vars[mark-2].value = reflect.ValueOf(i)
			}
			list(s, elem)
			s.vars = s.vars[:mark]
		}
		if val.Len() == 0 && elseList != nil {
			elseList(s, dot)
		}
		s.vars = s.vars[:outer]
	}, nil
}

// call compiles {{template "name" pipeline}}: the called template sees
// only $, set to the pipeline's value.
func (c *compiler) call(n *parse.TemplateNode) (walker, error) {
	var pipe func(*state, reflect.Value) reflect.Value
	if n.Pipe != nil {
		var err error
		if pipe, err = c.pipe(n.Pipe); err != nil {
			return nil, err
		}
	}
	name := n.Name
	return func(s *state, dot reflect.Value) {
		w := s.t.trees[name]
		if w == nil || s.depth >= maxDepth {
			bail()
		}
		var arg reflect.Value
		if pipe != nil {
			arg = pipe(s, dot)
		}
		base := s.base
		s.base = len(s.vars)
		s.vars = append(s.vars, variable{"$", arg})
		s.depth++
		w(s, arg)
		s.depth--
		s.vars = s.vars[:s.base]
		s.base = base
	}, nil
}

// truth is text/template's truth of a value; a value it cannot judge falls
// back.
func truth(v reflect.Value) bool {
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return false
		}
		v = v.Elem()
	}
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() > 0
	case reflect.Bool:
		return v.Bool()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return v.Int() != 0
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return v.Uint() != 0
	case reflect.Float32, reflect.Float64:
		return v.Float() != 0
	case reflect.Complex64, reflect.Complex128:
		return v.Complex() != 0
	case reflect.Chan, reflect.Func, reflect.Pointer, reflect.UnsafePointer:
		return !v.IsNil()
	case reflect.Struct:
		return true
	}
	bail()
	return false
}
