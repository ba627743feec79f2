//go:build js && wasm

package idb

// This file asks the browser about the site's storage as a whole
// (navigator.storage): whether it keeps it under pressure, and how much is
// used. The one rule it keeps: a promise is awaited from Go through two
// callbacks and a channel, both released once it settles.

import (
	"errors"
	"fmt"
	"syscall/js"
)

// errNoStorageManager is the error of a browser without navigator.storage
// (an insecure context, an old browser).
var errNoStorageManager = errors.New("this browser does not say how it keeps the site's storage (navigator.storage is missing; the page may not be served over HTTPS)")

// Persist asks the browser to keep the site's storage even when the disk
// runs low (navigator.storage.persist()), and reports whether it will. A
// browser may say no without asking the user.
func Persist() (bool, error) {
	v, err := storageCall("persist")
	if err != nil {
		return false, err
	}
	return v.Type() == js.TypeBoolean && v.Bool(), nil
}

// Estimate returns how many bytes the site's storage uses and how many the
// browser lets it use (navigator.storage.estimate()). Both are estimates,
// and the quota may change.
func Estimate() (usage, quota int64, err error) {
	v, err := storageCall("estimate")
	if err != nil {
		return 0, 0, err
	}
	num := func(name string) int64 {
		if f := v.Get(name); f.Type() == js.TypeNumber {
			return int64(f.Float())
		}
		return 0
	}
	return num("usage"), num("quota"), nil
}

// storageCall calls navigator.storage's method and awaits its promise.
func storageCall(method string) (js.Value, error) {
	op := "navigator.storage." + method + "()"
	var sm js.Value
	if err := try(func() {
		if nav := js.Global().Get("navigator"); nav.Type() == js.TypeObject {
			sm = nav.Get("storage")
		}
	}); err != nil {
		return js.Value{}, asError(op, err, nil)
	}
	if sm.Type() != js.TypeObject || sm.Get(method).Type() != js.TypeFunction {
		return js.Value{}, fmt.Errorf("%s: %w", op, errNoStorageManager)
	}
	var p js.Value
	if err := try(func() { p = sm.Call(method) }); err != nil {
		return js.Value{}, asError(op, err, nil)
	}
	return await(op, p)
}

// await waits for promise p to settle, and returns its value or its
// rejection as an error.
func await(op string, p js.Value) (js.Value, error) {
	type settled struct {
		v   js.Value
		err error
	}
	ch := make(chan settled, 1)
	resolve := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{v: arg0(args)}
		return nil
	})
	reject := js.FuncOf(func(_ js.Value, args []js.Value) any {
		ch <- settled{err: asError(op, errorOf(arg0(args)), nil)}
		return nil
	})
	defer resolve.Release()
	defer reject.Release()
	if err := try(func() { p.Call("then", resolve, reject) }); err != nil {
		return js.Value{}, asError(op, err, nil)
	}
	s := <-ch
	return s.v, s.err
}

func arg0(args []js.Value) js.Value {
	if len(args) == 0 {
		return js.Undefined()
	}
	return args[0]
}
