//go:build wasm
// +build wasm

// Patched (third_party/README.md): GenerateStaticWebsite's stub that panicked
// here is gone with the Handler it takes, which is server-side only.

package app

func wasmExecJS() string {
	return ""
}
