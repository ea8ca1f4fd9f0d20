package compiled

import "reflect"

// builtin is a builtin function of the template language: it gets its
// arguments unevaluated, for and and or stop at the first that decides.
type builtin func(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value

// builtins are the builtins this package runs itself; the others are
// text/template's (a template that calls one does not compile).
var builtins map[string]builtin

func init() {
	builtins = map[string]builtin{
		"and":   func(s *state, dot reflect.Value, a []argument, f reflect.Value) reflect.Value { return andOr(s, dot, a, f, false) },
		"or":    func(s *state, dot reflect.Value, a []argument, f reflect.Value) reflect.Value { return andOr(s, dot, a, f, true) },
		"not":   not,
		"eq":    eq,
		"len":   length,
		"index": index,
	}
}

var anyType = reflect.TypeFor[any]()

// values evaluates the arguments, then the final value, as the builtins
// get them.
func values(s *state, dot reflect.Value, args []argument, final reflect.Value) []reflect.Value {
	out := make([]reflect.Value, 0, len(args)+1)
	for _, a := range args {
		out = append(out, a.as(s, dot, anyType))
	}
	if final.IsValid() {
		out = append(out, final)
	}
	return out
}

func andOr(s *state, dot reflect.Value, args []argument, final reflect.Value, or bool) reflect.Value {
	if len(args) == 0 && !final.IsValid() {
		bail()
	}
	var v reflect.Value
	for _, a := range args {
		v = a.as(s, dot, anyType)
		if truth(v) == or {
			return v
		}
	}
	if final.IsValid() {
		v = final
	}
	return v
}

func not(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	vs := values(s, dot, args, final)
	if len(vs) != 1 {
		bail()
	}
	return reflect.ValueOf(!truth(vs[0]))
}

// eq compares strings with strings, booleans with booleans and signed
// integers with signed integers; other comparisons fall back.
func eq(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	vs := values(s, dot, args, final)
	if len(vs) < 2 {
		bail()
	}
	k1 := basic(vs[0])
	for _, v := range vs[1:] {
		if basic(v) != k1 {
			bail()
		}
		var same bool
		switch k1 {
		case reflect.String:
			same = vs[0].String() == v.String()
		case reflect.Bool:
			same = vs[0].Bool() == v.Bool()
		case reflect.Int:
			same = vs[0].Int() == v.Int()
		}
		if same {
			return reflect.ValueOf(true)
		}
	}
	return reflect.ValueOf(false)
}

// basic is the kind eq compares a value as; others fall back.
func basic(v reflect.Value) reflect.Kind {
	switch v.Kind() {
	case reflect.String, reflect.Bool:
		return v.Kind()
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return reflect.Int
	}
	bail()
	return reflect.Invalid
}

func length(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	vs := values(s, dot, args, final)
	if len(vs) != 1 {
		bail()
	}
	switch vs[0].Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return reflect.ValueOf(vs[0].Len())
	}
	bail()
	return reflect.Value{}
}

// index indexes maps by a key of their key type (a missing key gives the
// zero value) and slices and arrays by an int in range.
func index(s *state, dot reflect.Value, args []argument, final reflect.Value) reflect.Value {
	vs := values(s, dot, args, final)
	if len(vs) == 0 {
		bail()
	}
	item := vs[0]
	for _, key := range vs[1:] {
		switch item.Kind() {
		case reflect.Map:
			if !key.Type().AssignableTo(item.Type().Key()) {
				bail()
			}
			if v := item.MapIndex(key); v.IsValid() {
				item = v
			} else {
				item = reflect.Zero(item.Type().Elem())
			}
		case reflect.Slice, reflect.Array:
			if key.Kind() != reflect.Int || key.Int() < 0 || key.Int() >= int64(item.Len()) {
				bail()
			}
			item = item.Index(int(key.Int()))
		default:
			bail()
		}
	}
	return item
}
