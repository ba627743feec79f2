package testcorpus

// DecodeCase is one input that wasm/e2e reads natively and serves to
// wasm/textdecode's tests in Chromium, with what the native build made of
// it: the two sides of TestTextDecoderMatchesNative.
type DecodeCase struct {
	ID        int    `json:"id"`
	Name      string `json:"name"`
	MediaType string `json:"mediaType"`
	// SHA256 is the hex SHA-256 of the decoded text ("" refused: the
	// hash of nothing).
	SHA256  string `json:"sha256"`
	Charset string `json:"charset"`
	Error   string `json:"error"`
}
