package msg

import (
	"errors"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestUnwrap(t *testing.T) {
	kind, otherwise, err := errors.New("kind"), errors.New("otherwise"), errors.New("err")
	assert.Equal(t, []error{kind}, Unwrap(kind, otherwise, nil))
	assert.Equal(t, []error{otherwise, err}, Unwrap(nil, otherwise, err))
	assert.Equal(t, []error{kind, err}, Unwrap(kind, otherwise, err))
}
