package agree

// This file is the Figure: a number that may not apply, and then is
// written null, never 0, so that "no data" is never read as "no
// agreement".

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
)

// Figure is an agreement figure, or nothing where it does not apply (its
// denominator is 0). Its JSON is the number, or null.
type Figure struct {
	Value float64
	Valid bool
}

// Of returns the figure v. A NaN or an infinity is no figure.
func Of(v float64) Figure {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return Figure{}
	}
	return Figure{Value: v, Valid: true}
}

// ratio returns num / den, or no figure when den is 0.
func ratio(num, den int) Figure {
	if den == 0 {
		return Figure{}
	}
	return Of(float64(num) / float64(den))
}

// Float returns the figure and whether it applies.
func (f Figure) Float() (float64, bool) { return f.Value, f.Valid }

// String writes the figure with three decimals, or "—". A figure that
// rounds to zero is "0.000": a kappa of -0.0002 read "-0.000", a sign
// that says nothing three decimals can show.
func (f Figure) String() string {
	if !f.Valid {
		return "—"
	}
	s := strconv.FormatFloat(f.Value, 'f', 3, 64)
	if s == "-0.000" {
		return "0.000"
	}
	return s
}

// MarshalJSON writes the number, or null.
func (f Figure) MarshalJSON() ([]byte, error) {
	if !f.Valid {
		return []byte("null"), nil
	}
	return strconv.AppendFloat(nil, f.Value, 'g', -1, 64), nil
}

// UnmarshalJSON reads a number, or null.
func (f *Figure) UnmarshalJSON(data []byte) error {
	if bytes.Equal(bytes.TrimSpace(data), []byte("null")) {
		*f = Figure{}
		return nil
	}
	var v float64
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	*f = Of(v)
	return nil
}
