module github.com/microcosm-cc/bluemonday

go 1.19

require (
	github.com/aymerick/douceur v0.2.0
	golang.org/x/net v0.26.0
)

require github.com/gorilla/css v1.0.1 // indirect

retract [v1.0.0, v1.0.25] // Retract older versions as only latest is to be depended upon

// The newsannotator patch: upstream's tests here run against the patched
// CSS parser and scanner beside this copy (third_party/README.md). A
// replace in a module that is not the main one is ignored, so this changes
// nothing for the app.
replace (
	github.com/aymerick/douceur => ../douceur
	github.com/gorilla/css => ../gorilla-css
)
