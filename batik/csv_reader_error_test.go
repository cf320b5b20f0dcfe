package batik

// ReadOrdersCSVWith's errors follow ReadProducersCSVWith's: "An error from
// r itself is returned as is". A reader that fails before the header was
// read used to give an empty *DataError instead (found by mutation
// testing). ReadProducersCSV reads a stream of unknown length whole first,
// so it is checked here with a reader of known length too.

import (
	"errors"
	"testing"
	"testing/iotest"

	"github.com/stretchr/testify/require"
)

func TestReadOrdersCSVReaderErrorAtOnce(t *testing.T) {
	boom := errors.New("disk on fire")
	os, err := ReadOrdersCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	require.Nil(t, os)
	_, _, err = ReadOrdersCSVWith(iotest.ErrReader(boom), ReadOptions{Comma: ';'})
	require.ErrorIs(t, err, boom)
	ps, err := ReadProducersCSV(iotest.ErrReader(boom))
	require.ErrorIs(t, err, boom)
	require.Nil(t, ps)
	// A reader whose length is known (it has Len) and that fails at once.
	_, _, err = ReadProducersCSVWith(sizedErrReader{boom}, ReadOptions{Comma: ','})
	require.ErrorIs(t, err, boom)
}

// sizedErrReader reports a length, as a *bytes.Reader does, and fails.
type sizedErrReader struct{ err error }

func (r sizedErrReader) Read([]byte) (int, error) { return 0, r.err }
func (r sizedErrReader) Len() int                 { return 100 }
