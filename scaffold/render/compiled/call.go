package compiled

import (
	"reflect"
	"text/template/parse"
)

var errorType = reflect.TypeFor[error]()

// args compiles a command's arguments.
func (c *compiler) args(nodes []parse.Node) ([]argument, error) {
	out := make([]argument, len(nodes))
	for i, n := range nodes {
		var err error
		if out[i], err = c.arg(n); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// function compiles a call of a function of the set or of a builtin; the
// set's functions come first, as in text/template.
func (c *compiler) function(name string, argNodes []parse.Node) (command, error) {
	args, err := c.args(argNodes)
	if err != nil {
		return nil, err
	}
	if f, ok := c.funcs[name]; ok {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			mark := len(s.argv)
			v, err := f.call(s.bind(f.in, f.variadic, dot, args, final))
			s.argv = s.argv[:mark]
			if err != nil {
				bail() // text/template reports it
			}
			return v
		}, nil
	}
	if b := builtins[name]; b != nil {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return b(s, dot, args, final)
		}, nil
	}
	return nil, ErrUnsupported
}

// bind returns the arguments and the final value as a function with
// parameters in gets them from text/template. They are on top of the
// state's argument stack, which the caller truncates after the call.
func (s *state) bind(in []reflect.Type, variadic bool, dot reflect.Value, args []argument, final reflect.Value) []reflect.Value {
	numIn := len(args)
	if final.IsValid() {
		numIn++
	}
	numFixed := len(args)
	if variadic {
		numFixed = len(in) - 1
		if numIn < numFixed {
			bail()
		}
	} else if numIn != len(in) {
		bail()
	}
	mark := len(s.argv)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		v := args[i].as(s, dot, in[i]) // may call functions, which use the stack above mark
		s.argv = append(s.argv, v)
	}
	if variadic {
		elem := in[len(in)-1].Elem()
		for ; i < len(args); i++ {
			v := args[i].as(s, dot, elem)
			s.argv = append(s.argv, v)
		}
	}
	if final.IsValid() {
		t := in[len(in)-1]
		if variadic {
			if numIn-1 < numFixed {
				t = in[numIn-1]
			} else {
				t = t.Elem()
			}
		}
		s.argv = append(s.argv, assignable(final, t))
	}
	return s.argv[mark:]
}

// invoke calls the method m with the arguments and the final value, as
// text/template does; an error it returns falls back, so that
// text/template reports it.
func (s *state) invoke(m reflect.Value, r *resolution, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	if !r.good {
		bail()
	}
	mark := len(s.argv)
	out := m.Call(s.bind(r.in, r.variadic, dot, args, final))
	s.argv = s.argv[:mark]
	if len(out) == 2 && !out[1].IsNil() {
		bail()
	}
	v := out[0]
	if v.Type() == reflect.TypeFor[reflect.Value]() {
		v = v.Interface().(reflect.Value)
	}
	return v
}
