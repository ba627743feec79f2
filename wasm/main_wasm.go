//go:build wasm

package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	ui "github.com/newsannotator/annotator/app"
)

func main() {
	ui.RegisterRoutes()
	app.RunWhenOnBrowser()
}
