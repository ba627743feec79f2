// Upstream (github.com/aymerick/douceur v0.2.0) has no go.mod; this one
// names the module and the go version that the go command assumes for a
// module without one, and what upstream's parser imports.
module github.com/aymerick/douceur

go 1.16

require github.com/gorilla/css v1.0.1
