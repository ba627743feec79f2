// Upstream (github.com/aymerick/douceur v0.2.0) has no go.mod; this one
// names the module and the go version that the go command assumes for a
// module without one, and what upstream's parser imports.
module github.com/aymerick/douceur

go 1.16

require github.com/gorilla/css v1.0.1

// The newsannotator patch: upstream's tests here run against the patched
// scanner beside this copy (third_party/README.md). A replace in a module
// that is not the main one is ignored, so this changes nothing for the app.
replace github.com/gorilla/css => ../gorilla-css
