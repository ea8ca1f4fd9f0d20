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
		fn := reflect.ValueOf(f)
		if fn.Kind() != reflect.Func {
			return nil, ErrUnsupported
		}
		typ := fn.Type()
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return s.invoke(fn, typ, dot, args, final)
		}, nil
	}
	if b := builtins[name]; b != nil {
		return func(s *state, dot, final reflect.Value) reflect.Value {
			return b(s, dot, args, final)
		}, nil
	}
	return nil, ErrUnsupported
}

// invoke calls fn, of type typ, with the arguments and the final value, as
// text/template does; an error it returns falls back, so that
// text/template reports it.
func (s *state) invoke(fn reflect.Value, typ reflect.Type, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	numIn := len(args)
	if final.IsValid() {
		numIn++
	}
	numFixed := len(args)
	if typ.IsVariadic() {
		numFixed = typ.NumIn() - 1
		if numIn < numFixed {
			bail()
		}
	} else if numIn != typ.NumIn() {
		bail()
	}
	if n := typ.NumOut(); n == 0 || n > 2 || n == 2 && typ.Out(1) != errorType {
		bail()
	}
	argv := make([]reflect.Value, numIn)
	i := 0
	for ; i < numFixed && i < len(args); i++ {
		argv[i] = args[i].as(s, dot, typ.In(i))
	}
	if typ.IsVariadic() {
		elem := typ.In(typ.NumIn() - 1).Elem()
		for ; i < len(args); i++ {
			argv[i] = args[i].as(s, dot, elem)
		}
	}
	if final.IsValid() {
		t := typ.In(typ.NumIn() - 1)
		if typ.IsVariadic() {
			if numIn-1 < numFixed {
				t = typ.In(numIn - 1)
			} else {
				t = t.Elem()
			}
		}
		argv[i] = assignable(final, t)
	}
	out := fn.Call(argv)
	if len(out) == 2 && !out[1].IsNil() {
		bail()
	}
	v := out[0]
	if v.Type() == reflect.TypeFor[reflect.Value]() {
		v = v.Interface().(reflect.Value)
	}
	return v
}
