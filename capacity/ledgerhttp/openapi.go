package ledgerhttp

import (
	_ "embed"
	"net/http"
)

// openAPIDoc is the OpenAPI 3.1 description of the routes, kept beside
// the code; a test checks that it lists every route with the statuses the
// route table gives, and nothing else.
//
//go:embed openapi.json
var openAPIDoc []byte

// openAPI serves GET /openapi.json.
func openAPI(_ *handler, w http.ResponseWriter, _ *http.Request, _ *exchange) error {
	writeBytes(w, "application/json", http.StatusOK, openAPIDoc)
	return nil
}
