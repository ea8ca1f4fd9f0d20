package compiled

import (
	"reflect"
	"text/template/parse"
)

// evaluator gives a value: a pipeline's, a command's or an argument's.
type evaluator func(s *state, dot reflect.Value) reflect.Value

// command gives a command's value; final is the value of the command before
// it in the pipeline, or the zero Value for the first.
type command func(s *state, dot, final reflect.Value) reflect.Value

// pipe compiles a pipeline: each command's value is the next one's last
// argument, and the variables it declares are pushed (or, with =, set).
func (c *compiler) pipe(p *parse.PipeNode) (evaluator, error) {
	cmds := make([]command, len(p.Cmds))
	for i, cmd := range p.Cmds {
		var err error
		if cmds[i], err = c.command(cmd); err != nil {
			return nil, err
		}
	}
	decls := make([]string, len(p.Decl))
	for i, d := range p.Decl {
		decls[i] = d.Ident[0]
	}
	assign := p.IsAssign
	return func(s *state, dot reflect.Value) reflect.Value {
		var v reflect.Value
		for _, cmd := range cmds {
			v = cmd(s, dot, v)
			if v.Kind() == reflect.Interface && v.Type().NumMethod() == 0 {
				v = v.Elem()
			}
			if !v.IsValid() {
				bail()
			}
		}
		for _, name := range decls {
			if assign {
				s.assign(name, v)
			} else {
				s.vars = append(s.vars, variable{name, v})
			}
		}
		return v
	}, nil
}

// command compiles a command: a field chain, a variable, a function call,
// a parenthesized pipeline or a constant.
func (c *compiler) command(cmd *parse.CommandNode) (command, error) {
	args := cmd.Args[1:]
	switch n := cmd.Args[0].(type) {
	case *parse.FieldNode:
		chain, err := c.chain(n.Ident, args)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain(s, dot, dot, final)
		}, nil
	case *parse.VariableNode:
		name := n.Ident[0]
		if len(n.Ident) == 1 {
			if len(args) > 0 {
				return nil, unsupported(cmd)
			}
			return func(s *state, _, final reflect.Value) reflect.Value {
				if final.IsValid() {
					bail()
				}
				return s.lookup(name)
			}, nil
		}
		chain, err := c.chain(n.Ident[1:], args)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain(s, dot, s.lookup(name), final)
		}, nil
	case *parse.ChainNode:
		recv, err := c.arg(n.Node)
		if err != nil || len(n.Field) == 0 {
			return nil, unsupported(cmd)
		}
		chain, err := c.chain(n.Field, args)
		if err != nil {
			return nil, err
		}
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return chain(s, dot, recv.eval(s, dot), final)
		}, nil
	case *parse.IdentifierNode:
		return c.function(n.Ident, args)
	}
	if len(args) > 0 {
		return nil, unsupported(cmd)
	}
	a, err := c.arg(cmd.Args[0])
	if err != nil {
		return nil, err
	}
	return func(s *state, dot, final reflect.Value) reflect.Value {
		if final.IsValid() {
			bail()
		}
		return a.eval(s, dot)
	}, nil
}

// argument is a compiled argument. A constant keeps its node, since
// text/template gives it the type of the parameter it is passed to.
type argument struct {
	eval evaluator
	lit  parse.Node // *parse.StringNode, *parse.BoolNode or *parse.NumberNode
}

// arg compiles an argument (or a command's sole word).
func (c *compiler) arg(n parse.Node) (argument, error) {
	switch n := n.(type) {
	case *parse.DotNode:
		return argument{eval: func(_ *state, dot reflect.Value) reflect.Value { return dot }}, nil
	case *parse.FieldNode, *parse.VariableNode, *parse.ChainNode, *parse.IdentifierNode:
		cmd, err := c.command(&parse.CommandNode{NodeType: parse.NodeCommand, Pos: n.Position(), Args: []parse.Node{n}})
		if err != nil {
			return argument{}, err
		}
		return argument{eval: func(s *state, dot reflect.Value) reflect.Value { return cmd(s, dot, reflect.Value{}) }}, nil
	case *parse.PipeNode:
		if len(n.Decl) > 0 {
			return argument{}, unsupported(n)
		}
		p, err := c.pipe(n)
		return argument{eval: p}, err
	case *parse.StringNode:
		v := reflect.ValueOf(n.Text)
		return argument{eval: constant(v), lit: n}, nil
	case *parse.BoolNode:
		v := reflect.ValueOf(n.True)
		return argument{eval: constant(v), lit: n}, nil
	case *parse.NumberNode:
		if !decimalInt(n.Text) || !n.IsInt || int64(int(n.Int64)) != n.Int64 {
			return argument{}, unsupported(n)
		}
		v := reflect.ValueOf(int(n.Int64))
		return argument{eval: constant(v), lit: n}, nil
	}
	return argument{}, unsupported(n)
}

func constant(v reflect.Value) evaluator {
	return func(*state, reflect.Value) reflect.Value { return v }
}

// decimalInt reports whether a number is written with decimal digits only,
// the numbers text/template reads as an int in every context.
func decimalInt(text string) bool {
	if text == "" {
		return false
	}
	for _, r := range text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// as returns the argument's value passed to a parameter of type t, as
// text/template would pass it; what it would refuse or convert otherwise
// falls back.
func (a argument) as(s *state, dot reflect.Value, t reflect.Type) reflect.Value {
	if a.lit != nil {
		return literalAs(a.lit, a.eval(s, dot), t)
	}
	v := a.eval(s, dot)
	if !v.IsValid() {
		bail()
	}
	return assignable(v, t)
}

// assignable returns v, which must be assignable to t.
func assignable(v reflect.Value, t reflect.Type) reflect.Value {
	if vt := v.Type(); vt != t && !(t.Kind() == reflect.Interface && t.NumMethod() == 0) && !vt.AssignableTo(t) {
		bail()
	}
	return v
}

// literalAs converts a constant to a parameter's type, as text/template
// does: to the parameter's own string, bool or integer type, or as it is
// to an empty interface.
func literalAs(n parse.Node, v reflect.Value, t reflect.Type) reflect.Value {
	if v.Type() == t || t.Kind() == reflect.Interface && t.NumMethod() == 0 {
		return v
	}
	switch n.(type) {
	case *parse.StringNode:
		if t.Kind() == reflect.String {
			out := reflect.New(t).Elem()
			out.SetString(v.String())
			return out
		}
	case *parse.BoolNode:
		if t.Kind() == reflect.Bool {
			out := reflect.New(t).Elem()
			out.SetBool(v.Bool())
			return out
		}
	case *parse.NumberNode:
		switch t.Kind() {
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			out := reflect.New(t).Elem()
			if out.OverflowInt(v.Int()) {
				bail()
			}
			out.SetInt(v.Int())
			return out
		}
	}
	bail()
	return reflect.Value{}
}
