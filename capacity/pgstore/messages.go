package pgstore

import "github.com/batikkit/batikkit/internal/msg"

// The package's message catalogue: every reason an *Error gives, in
// English and Indonesian. The constants index the table, so a code used
// in code always has an entry; a test checks each with msg.Check.

type code uint16

const (
	_               code = iota
	cSchemaName          // the schema name's form
	cSchemaReserved      // pg_* and information_schema
	cSchemaPublic        // public without Options.AllowPublic
	cSchemaNewer         // tables of a newer package version
	cSchemaMissing       // no tables: Migrate was not run
	cNilPool             // New or Migrate without a pool
	cConnect             // the pool cannot reach the server
	cClosed              // the pool was closed
	cLostUnchanged       // connection lost before COMMIT was sent
	cLostRead            // connection lost during a read
	cLostCommit          // connection lost while COMMIT was in flight
	cCancelled           // the context ended first
	cTimeout             // the statement timeout ended a statement
	cServer              // another error of the server
	cConstraint          // a constraint of the tables refused the change
	cStored              // a stored value this package cannot read
	ncodes
)

// texts is the catalogue, indexed by code.
var texts = [ncodes]msg.Text{
	cSchemaName: {Code: "schema_name", EN: "must be 1 to 63 bytes of lower-case letters, digits and underscores, not starting with a digit",
		ID: "harus 1 sampai 63 bita berupa huruf kecil, angka dan garis bawah, tidak diawali angka"},
	cSchemaReserved: {Code: "schema_reserved", EN: "is reserved by PostgreSQL",
		ID: "dicadangkan oleh PostgreSQL"},
	cSchemaPublic: {Code: "schema_public", EN: "is shared by every user of the database; set Options.AllowPublic to keep the ledger there",
		ID: "dipakai bersama semua pengguna basis data; isi Options.AllowPublic untuk menyimpan buku besar di sana"},
	cSchemaNewer: {Code: "schema_newer", EN: "has tables of version {0}, newer than this package's {1}; refusing to downgrade",
		ID: "memiliki tabel versi {0}, lebih baru dari versi paket ini {1}; tidak diturunkan"},
	cSchemaMissing: {Code: "schema_missing", EN: "has no ledger tables; run Migrate first",
		ID: "belum memiliki tabel buku besar; jalankan Migrate dahulu"},
	cNilPool: {Code: "nil_pool", EN: "no connection pool was given",
		ID: "kumpulan koneksi tidak diberikan"},
	cConnect: {Code: "connect", EN: "cannot reach the server; nothing was changed",
		ID: "server tidak dapat dihubungi; tidak ada yang diubah"},
	cClosed: {Code: "closed", EN: "the connection pool is closed",
		ID: "kumpulan koneksi sudah ditutup"},
	cLostUnchanged: {Code: "lost_unchanged", EN: "the connection was lost before COMMIT was sent; nothing was changed",
		ID: "koneksi terputus sebelum COMMIT dikirim; tidak ada yang diubah"},
	cLostRead: {Code: "lost_read", EN: "the connection was lost during the read",
		ID: "koneksi terputus saat membaca"},
	cLostCommit: {Code: "lost_commit", EN: "the connection was lost during COMMIT, so the change was applied entirely or not at all; read the booking to know which (a replay with the same key is safe)",
		ID: "koneksi terputus saat COMMIT, jadi perubahan diterapkan seluruhnya atau tidak sama sekali; baca pemesanan untuk mengetahuinya (mengulang dengan kunci yang sama aman)"},
	cCancelled: {Code: "cancelled", EN: "the operation was cancelled; nothing was changed",
		ID: "operasi dibatalkan; tidak ada yang diubah"},
	cTimeout: {Code: "statement_timeout", EN: "a statement ran past the statement timeout of {0}; nothing was changed",
		ID: "sebuah perintah berjalan melewati batas waktu {0}; tidak ada yang diubah"},
	cServer: {Code: "server", EN: "the server refused the operation",
		ID: "server menolak operasi"},
	cConstraint: {Code: "constraint", EN: "the change breaks constraint {0} of the tables",
		ID: "perubahan melanggar batasan {0} pada tabel"},
	cStored: {Code: "stored", EN: "a stored value cannot be read",
		ID: "nilai tersimpan tidak dapat dibaca"},
}
