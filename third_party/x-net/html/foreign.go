// Copyright 2011 The Go Authors. All rights reserved.
// Use of this source code is governed by a BSD-style
// license that can be found in the LICENSE file.

package html

import (
	"strings"
)

func adjustAttributeNames(aa []Attribute, nameMap func(string) (string, bool)) {
	for i := range aa {
		if newName, ok := nameMap(aa[i].Key); ok {
			aa[i].Key = newName
		}
	}
}

func adjustForeignAttributes(aa []Attribute) {
	for i, a := range aa {
		if a.Key == "" || a.Key[0] != 'x' {
			continue
		}
		switch a.Key {
		case "xlink:actuate", "xlink:arcrole", "xlink:href", "xlink:role", "xlink:show",
			"xlink:title", "xlink:type", "xml:lang", "xml:space", "xmlns:xlink":
			j := strings.Index(a.Key, ":")
			aa[i].Namespace = a.Key[:j]
			aa[i].Key = a.Key[j+1:]
		}
	}
}

func htmlIntegrationPoint(n *Node) bool {
	if n.Type != ElementNode {
		return false
	}
	switch n.Namespace {
	case "math":
		if n.Data == "annotation-xml" {
			for _, a := range n.Attr {
				if a.Key == "encoding" {
					if strings.EqualFold(a.Val, "text/html") || strings.EqualFold(a.Val, "application/xhtml+xml") {
						return true
					}
				}
			}
		}
	case "svg":
		switch n.Data {
		case "desc", "foreignObject", "title":
			return true
		}
	}
	return false
}

func mathMLTextIntegrationPoint(n *Node) bool {
	if n.Namespace != "math" {
		return false
	}
	switch n.Data {
	case "mi", "mo", "mn", "ms", "mtext":
		return true
	}
	return false
}

// Section 12.2.6.5.
// (A switch rather than upstream's map: a package-level map is built when
// the program starts; see third_party/README.md.)
func isBreakout(name string) bool {
	switch name {
	case "b", "big", "blockquote", "body", "br", "center", "code", "dd", "div", "dl", "dt", "em",
		"embed", "h1", "h2", "h3", "h4", "h5", "h6", "head", "hr", "i", "img", "li", "listing", "menu",
		"meta", "nobr", "ol", "p", "pre", "ruby", "s", "small", "span", "strong", "strike", "sub", "sup",
		"table", "tt", "u", "ul", "var":
		return true
	}
	return false
}

// Section 12.2.6.5.
// (A switch rather than upstream's map: a package-level map is built when
// the program starts; see third_party/README.md.)
func svgTagNameAdjustment(name string) (string, bool) {
	switch name {
	case "altglyph":
		return "altGlyph", true
	case "altglyphdef":
		return "altGlyphDef", true
	case "altglyphitem":
		return "altGlyphItem", true
	case "animatecolor":
		return "animateColor", true
	case "animatemotion":
		return "animateMotion", true
	case "animatetransform":
		return "animateTransform", true
	case "clippath":
		return "clipPath", true
	case "feblend":
		return "feBlend", true
	case "fecolormatrix":
		return "feColorMatrix", true
	case "fecomponenttransfer":
		return "feComponentTransfer", true
	case "fecomposite":
		return "feComposite", true
	case "feconvolvematrix":
		return "feConvolveMatrix", true
	case "fediffuselighting":
		return "feDiffuseLighting", true
	case "fedisplacementmap":
		return "feDisplacementMap", true
	case "fedistantlight":
		return "feDistantLight", true
	case "feflood":
		return "feFlood", true
	case "fefunca":
		return "feFuncA", true
	case "fefuncb":
		return "feFuncB", true
	case "fefuncg":
		return "feFuncG", true
	case "fefuncr":
		return "feFuncR", true
	case "fegaussianblur":
		return "feGaussianBlur", true
	case "feimage":
		return "feImage", true
	case "femerge":
		return "feMerge", true
	case "femergenode":
		return "feMergeNode", true
	case "femorphology":
		return "feMorphology", true
	case "feoffset":
		return "feOffset", true
	case "fepointlight":
		return "fePointLight", true
	case "fespecularlighting":
		return "feSpecularLighting", true
	case "fespotlight":
		return "feSpotLight", true
	case "fetile":
		return "feTile", true
	case "feturbulence":
		return "feTurbulence", true
	case "foreignobject":
		return "foreignObject", true
	case "glyphref":
		return "glyphRef", true
	case "lineargradient":
		return "linearGradient", true
	case "radialgradient":
		return "radialGradient", true
	case "textpath":
		return "textPath", true
	}
	return "", false
}

// Section 12.2.6.1
// (A switch rather than upstream's map: a package-level map is built when
// the program starts; see third_party/README.md.)
func mathMLAttributeAdjustment(name string) (string, bool) {
	switch name {
	case "definitionurl":
		return "definitionURL", true
	}
	return "", false
}

// (A switch rather than upstream's map: a package-level map is built when
// the program starts; see third_party/README.md.)
func svgAttributeAdjustment(name string) (string, bool) {
	switch name {
	case "attributename":
		return "attributeName", true
	case "attributetype":
		return "attributeType", true
	case "basefrequency":
		return "baseFrequency", true
	case "baseprofile":
		return "baseProfile", true
	case "calcmode":
		return "calcMode", true
	case "clippathunits":
		return "clipPathUnits", true
	case "diffuseconstant":
		return "diffuseConstant", true
	case "edgemode":
		return "edgeMode", true
	case "filterunits":
		return "filterUnits", true
	case "glyphref":
		return "glyphRef", true
	case "gradienttransform":
		return "gradientTransform", true
	case "gradientunits":
		return "gradientUnits", true
	case "kernelmatrix":
		return "kernelMatrix", true
	case "kernelunitlength":
		return "kernelUnitLength", true
	case "keypoints":
		return "keyPoints", true
	case "keysplines":
		return "keySplines", true
	case "keytimes":
		return "keyTimes", true
	case "lengthadjust":
		return "lengthAdjust", true
	case "limitingconeangle":
		return "limitingConeAngle", true
	case "markerheight":
		return "markerHeight", true
	case "markerunits":
		return "markerUnits", true
	case "markerwidth":
		return "markerWidth", true
	case "maskcontentunits":
		return "maskContentUnits", true
	case "maskunits":
		return "maskUnits", true
	case "numoctaves":
		return "numOctaves", true
	case "pathlength":
		return "pathLength", true
	case "patterncontentunits":
		return "patternContentUnits", true
	case "patterntransform":
		return "patternTransform", true
	case "patternunits":
		return "patternUnits", true
	case "pointsatx":
		return "pointsAtX", true
	case "pointsaty":
		return "pointsAtY", true
	case "pointsatz":
		return "pointsAtZ", true
	case "preservealpha":
		return "preserveAlpha", true
	case "preserveaspectratio":
		return "preserveAspectRatio", true
	case "primitiveunits":
		return "primitiveUnits", true
	case "refx":
		return "refX", true
	case "refy":
		return "refY", true
	case "repeatcount":
		return "repeatCount", true
	case "repeatdur":
		return "repeatDur", true
	case "requiredextensions":
		return "requiredExtensions", true
	case "requiredfeatures":
		return "requiredFeatures", true
	case "specularconstant":
		return "specularConstant", true
	case "specularexponent":
		return "specularExponent", true
	case "spreadmethod":
		return "spreadMethod", true
	case "startoffset":
		return "startOffset", true
	case "stddeviation":
		return "stdDeviation", true
	case "stitchtiles":
		return "stitchTiles", true
	case "surfacescale":
		return "surfaceScale", true
	case "systemlanguage":
		return "systemLanguage", true
	case "tablevalues":
		return "tableValues", true
	case "targetx":
		return "targetX", true
	case "targety":
		return "targetY", true
	case "textlength":
		return "textLength", true
	case "viewbox":
		return "viewBox", true
	case "viewtarget":
		return "viewTarget", true
	case "xchannelselector":
		return "xChannelSelector", true
	case "ychannelselector":
		return "yChannelSelector", true
	case "zoomandpan":
		return "zoomAndPan", true
	}
	return "", false
}
