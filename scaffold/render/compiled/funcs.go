package compiled

import (
	"fmt"
	"reflect"
	"text/template"
)

// Func is a function templates may call. Made with Func1, Func2, Func1E or
// FuncV it is called without reflection; made with Reflect, through it.
type Func struct {
	Go       any            // the function itself, for text/template
	in       []reflect.Type // the parameters text/template checks arguments against
	variadic bool
	call     func(args []reflect.Value) (reflect.Value, error)
}

// FuncMap returns the functions as text/template takes them.
func FuncMap(funcs map[string]Func) template.FuncMap {
	m := template.FuncMap{}
	for name, f := range funcs {
		m[name] = f.Go
	}
	return m
}

// Reflect makes a function of any signature text/template accepts into a
// Func called through reflection.
func Reflect(f any) Func {
	fn := reflect.ValueOf(f)
	if fn.Kind() != reflect.Func {
		panic(fmt.Sprintf("compiled.Reflect: %T is not a function", f))
	}
	t := fn.Type()
	in := make([]reflect.Type, t.NumIn())
	for i := range in {
		in[i] = t.In(i)
	}
	return Func{Go: f, in: in, variadic: t.IsVariadic(), call: func(args []reflect.Value) (reflect.Value, error) {
		if n := t.NumOut(); n == 0 || n > 2 || n == 2 && t.Out(1) != errorType {
			return reflect.Value{}, ErrFallback
		}
		out := fn.Call(args)
		if len(out) == 2 && !out[1].IsNil() {
			return reflect.Value{}, out[1].Interface().(error)
		}
		return out[0], nil
	}}
}

// param returns the argument as the function's parameter type T.
func param[T any](v reflect.Value) T {
	x, ok := reflect.TypeAssert[T](v)
	if !ok {
		if v.Kind() == reflect.Interface && v.IsNil() {
			var zero T
			return zero
		}
		bail()
	}
	return x
}

// Func1 makes f a Func called without reflection.
func Func1[A, R any](f func(A) R) Func {
	return Func{Go: f, in: []reflect.Type{reflect.TypeFor[A]()}, call: func(args []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(param[A](args[0]))), nil
	}}
}

// Func1E makes f, which may fail, a Func called without reflection.
func Func1E[A, R any](f func(A) (R, error)) Func {
	return Func{Go: f, in: []reflect.Type{reflect.TypeFor[A]()}, call: func(args []reflect.Value) (reflect.Value, error) {
		r, err := f(param[A](args[0]))
		return reflect.ValueOf(r), err
	}}
}

// Func2 makes f a Func called without reflection.
func Func2[A, B, R any](f func(A, B) R) Func {
	return Func{Go: f, in: []reflect.Type{reflect.TypeFor[A](), reflect.TypeFor[B]()}, call: func(args []reflect.Value) (reflect.Value, error) {
		return reflect.ValueOf(f(param[A](args[0]), param[B](args[1]))), nil
	}}
}

// FuncV makes the variadic f a Func called without reflection.
func FuncV[A, R any](f func(...A) R) Func {
	return Func{Go: f, in: []reflect.Type{reflect.TypeFor[[]A]()}, variadic: true, call: func(args []reflect.Value) (reflect.Value, error) {
		as := make([]A, len(args))
		for i, a := range args {
			as[i] = param[A](a)
		}
		return reflect.ValueOf(f(as...)), nil
	}}
}
