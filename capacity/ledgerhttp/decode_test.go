package ledgerhttp

import (
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/batikkit/batikkit/capacity"
	"github.com/batikkit/batikkit/internal/msg"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSFString(t *testing.T) {
	tests := []struct {
		give, want string
		ok         bool
	}{
		{`"8e03978e-40d5-43e8"`, "8e03978e-40d5-43e8", true},
		{`"a \"b\" \\ c"`, `a "b" \ c`, true},
		{`""`, "", true},
		{`"`, "", false},
		{`"a`, "", false},
		{`"a"b"`, "", false},
		{`"a\x"`, "", false},
		{`"a\"`, "", false},
		{"\"a\tb\"", "", false},
		{"\"caf\xc3\xa9\"", "", false}, // RFC 8941 strings are ASCII
	}
	for _, tt := range tests {
		got, ok := sfString(tt.give)
		assert.Equal(t, tt.ok, ok, tt.give)
		assert.Equal(t, tt.want, got, tt.give)
	}
}

func TestIdempotencyKey(t *testing.T) {
	r := httptest.NewRequest("POST", "/bookings", nil)
	r.Header.Add("Idempotency-Key", "a")
	r.Header.Add("Idempotency-Key", "b")
	_, err := idempotencyKey(r)
	var re *requestError
	require.ErrorAs(t, err, &re)
	assert.Equal(t, rKeyTwice, re.Code)
	assert.Equal(t, `Idempotency-Key = "a, b": must be sent once`, re.Message(msg.English))

	r = httptest.NewRequest("POST", "/bookings", nil)
	r.Header.Set("Idempotency-Key", "ORD-2026/12 é")
	key, err := idempotencyKey(r)
	require.NoError(t, err)
	assert.Equal(t, "ORD-2026/12 é", key, "a bare key is the key itself")
}

func TestCheckJSONType(t *testing.T) {
	for _, ok := range []string{"application/json", "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8"} {
		assert.NoError(t, checkJSONType(ok), ok)
	}
	for _, bad := range []string{"", "text/plain", "application/json; charset=latin1", "application/json; boundary=x",
		"application/jsonx", "application/problem+json", "application/json;;"} {
		err := checkJSONType(bad)
		var re *requestError
		require.ErrorAs(t, err, &re, bad)
		assert.Equal(t, http.StatusUnsupportedMediaType, re.Status)
	}
}

// TestDecodeStrictShapes: each strict rule broken in a body the handler
// decodes itself gives capacity's code, at the path, in both languages.
func TestDecodeStrictShapes(t *testing.T) {
	tests := []struct {
		give, field, code string
	}{
		{`{"deliveries":[{"order_id":"O","producer_id":"P","technique":"cap","week":"2026-W10","quantity":1,"x":2}]}`, "deliveries[0].x", "json_unknown"},
		{`{"deliveries":[{"Order_ID":"O"}]}`, "deliveries[0].Order_ID", "json_case"},
		{`{"deliveries":[],"deliveries":[]}`, "deliveries", "json_duplicate"},
		{`{"deliveries":[{"order_id":"O"}]}`, "deliveries[0].producer_id", "json_missing"},
		{`{"deliveries":null}`, "deliveries", "json_null"},
		{`{"deliveries":[{"order_id":"O","producer_id":"P","technique":"cap","week":"2026-W10","quantity":"1"}]}`, "deliveries[0].quantity", "json_integer"},
		{`{"deliveries":[{"order_id":1}]}`, "deliveries[0].order_id", "json_text"},
		{`{"deliveries":{}}`, "deliveries", "json_list"},
		{`[]`, "json", "json_object"},
		{`{"deliveries":[{"order_id":"O","producer_id":"P","technique":"cap","week":"2026-W99","quantity":1}]}`, "deliveries[0].week", "week_of_year"},
		{`{"deliveries":[{"order_id":"O","producer_id":"P","technique":"sutra","week":"2026-W10","quantity":1}]}`, "deliveries[0].technique", "invalid"},
		{`{"deliveries":[`, "deliveries", "json_syntax"},
		{"{\"deliveries\":[{\"order_id\":\"\xff\"}]}", "json", "not_utf8"},
		{`{"deliveries":[{"order_id":"O\ud800","producer_id":"P","technique":"cap","week":"2026-W10","quantity":1}]}`, "json", "not_utf8"},
	}
	for _, tt := range tests {
		var v deliverBody
		err := decodeStrict([]byte(tt.give), &v)
		var ie *capacity.InputError
		require.ErrorAs(t, err, &ie, tt.give)
		assert.ErrorIs(t, err, capacity.ErrInvalid)
		assert.Equal(t, tt.field, ie.Field, tt.give)
		assert.Equal(t, tt.code, ie.Code, tt.give)
		for _, l := range []msg.Lang{msg.English, msg.Indonesian} {
			reason := ie.Reason(l)
			assert.NotEqual(t, ie.Code, reason, "capacity's catalogue has the code %s", ie.Code)
		}
	}
	var v deliverBody
	require.NoError(t, decodeStrict([]byte(`{"deliveries":[{"order_id":"O","producer_id":"P","technique":"Batik Cap","week":"2026w10","quantity":3}]}`), &v))
	assert.Equal(t, "P/cap/2026-W10", v.Deliveries[0].Slot.String())
}

// TestDecodeBookRequest: the server's keys never come from the body, and
// a body that is not well formed is judged as it was sent.
func TestDecodeBookRequest(t *testing.T) {
	req, err := decodeBookRequest([]byte(" {\"orders\":[{\"id\":\"O\",\"technique\":\"cap\",\"min_grade\":\"sedang\",\"quantity\":5}],\"from\":\"2026-W10\",\"hold_for\":\"0s\"}\n"))
	require.NoError(t, err)
	assert.Empty(t, req.Key)
	assert.Empty(t, req.Producers)
	assert.Equal(t, 5, req.Orders[0].Quantity)

	_, err = decodeBookRequest([]byte(`{ }`))
	var ie *capacity.InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "orders", ie.Field)
	assert.Equal(t, "json_missing", ie.Code)
}

func FuzzDecodeBookRequest(f *testing.F) {
	for _, s := range []string{
		bookBody("O", 5, "2026-W10", 2, "15m0s"), `{}`, ` { } `, `{"key":"k"}`, `{"KEY":"k","orders":[]}`,
		`{"orders":[}`, `{"a":{"b":1}`, `[1]`, `"x"`, ``, `{"orders":[{"id":"O"}],"producers":[{"id":"P"}]}`,
		"{\"orders\":\"\xff\"}", `{"hold_for":"1h","hold_for":"2h"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := decodeBookRequest(data)
		if err == nil {
			if req.Key != "" || len(req.Producers) != 0 {
				t.Fatalf("the body set the server's keys: %q", data)
			}
			return
		}
		var ie *capacity.InputError
		var re *requestError
		if !errors.As(err, &ie) && !errors.As(err, &re) {
			t.Fatalf("%q: %T %v is not an error of the one shape", data, err, err)
		}
		if !strings.HasPrefix(strings.TrimLeft(string(data), " \t\r\n"), "{") || !json.Valid(data) {
			var plain capacity.BookRequest
			want := plain.UnmarshalJSON(data)
			if want == nil || want.Error() != err.Error() {
				t.Fatalf("%q: %v, the body alone gives %v", data, err, want)
			}
		}
	})
}

// TestBodyLimitUnknownLength: a body of unknown length is cut at the
// limit as it is read.
func TestBodyLimitUnknownLength(t *testing.T) {
	f := newFixture(t)
	opts := f.options()
	opts.BodyLimit = 100
	h := New(f.ledger, opts)
	r := httptest.NewRequest("POST", "/bookings", strings.NewReader(bookBody("ORD-1", 10, "2026-W11", 1, "0s")+strings.Repeat(" ", 200)))
	r.ContentLength = -1
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Idempotency-Key", "ORD-1")
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	p := problem(t, w)
	assert.Equal(t, http.StatusRequestEntityTooLarge, p.Status)
	assert.Equal(t, "body: is over 100 bytes", p.Detail)
	assert.Equal(t, 0, f.count(t))
}
