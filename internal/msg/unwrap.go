package msg

// Unwrap is the Unwrap of the module's error shape: the error's kind (the
// sentinel it wraps; otherwise when kind is nil) and its underlying error
// when there is one, for errors.Is and errors.As.
func Unwrap(kind, otherwise, err error) []error {
	if kind == nil {
		kind = otherwise
	}
	if err != nil {
		return []error{kind, err}
	}
	return []error{kind}
}
