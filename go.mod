module github.com/newsannotator/annotator

go 1.26.0

require (
	github.com/andybalholm/brotli v1.3.0
	github.com/chromedp/cdproto v0.159.0
	github.com/chromedp/chromedp v0.23.0
	github.com/google/uuid v1.6.0
	github.com/maxence-charriere/go-app/v10 v10.1.11
	github.com/microcosm-cc/bluemonday v1.0.27
	github.com/santhosh-tekuri/jsonschema/v6 v6.0.3
	golang.org/x/net v0.62.0
	golang.org/x/text v0.44.0
)

require (
	github.com/BurntSushi/toml v1.4.1-0.20240526193622-a339e1f7089c // indirect
	github.com/aymerick/douceur v0.2.0 // indirect
	github.com/go-json-experiment/json v0.0.0-20260213210345-44df1a37e875 // indirect
	github.com/gorilla/css v1.0.1 // indirect
	golang.org/x/exp/typeparams v0.0.0-20231108232855-2478ac86f678 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.25.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
	honnef.co/go/tools v0.8.2 // indirect
)

tool honnef.co/go/tools/cmd/staticcheck

// bluemonday and the CSS parser and scanner it uses, patched to compile
// their regular expressions on first use rather than when the program
// starts, which in the browser is before the first paint; x/net/html,
// patched to keep its entities in a sorted table rather than a map built
// at start; go-app, patched so that the browser's build does not link
// net/http (its Handler is server-side): third_party/README.md.
replace (
	github.com/maxence-charriere/go-app/v10 => ./third_party/go-app
	golang.org/x/net => ./third_party/x-net
	github.com/aymerick/douceur => ./third_party/douceur
	github.com/gorilla/css => ./third_party/gorilla-css
	github.com/microcosm-cc/bluemonday => ./third_party/bluemonday
)
