package aql

import (
	"math/big"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIsolatedPlanMeetsRisk: the plan chosen accepts a lot at the LQ with
// at most the risk, and no plan of Table 2-A at the AQL with a smaller
// sample does.
func TestIsolatedPlanMeetsRisk(t *testing.T) {
	for _, lot := range []int{200, 1000, 5000, 100_000} {
		for _, a := range []string{"0.65", "1.0", "2.5", "4.0"} {
			for _, lq := range []int64{5000, 8000, 12500, 20000} {
				aql := MustParseAQL(a)
				p, pa, err := IsolatedPlan(lot, aql, lq, 100)
				if err != nil {
					require.ErrorIs(t, err, ErrInvalid)
					continue
				}
				d := ceilDiv(lq*int64(lot), hundredThousand)
				exact := hyperOracle(int64(lot), d, int64(p.SampleSize), p.Ac)
				assert.LessOrEqual(t, exact.Cmp(big.NewRat(1, 10)), 0, "lot %d AQL %s LQ %d", lot, a, lq)
				f, _ := exact.Float64()
				assert.Equal(t, f, pa)
				for row := range letters {
					q, _ := Lookup(letterAt(row), aql, Normal)
					if q.SampleSize >= p.SampleSize || q.SampleSize >= lot {
						continue
					}
					smaller := hyperOracle(int64(lot), d, int64(q.SampleSize), q.Ac)
					assert.Positive(t, smaller.Cmp(big.NewRat(1, 10)), "a smaller plan %s meets the risk: lot %d AQL %s LQ %d", letterAt(row), lot, a, lq)
				}
			}
		}
	}
}

// TestIsolatedPlanCampaign: the campaign's lot of 1,000 shirts at AQL 2.5
// with LQ 8 %: code letter L, n = 200, Ac = 10, accepted at 8 % with
// probability 0.049; at LQ 12.5 % the AQL scheme's own plan (J, n = 80,
// Ac = 5) already protects, with 0.048.
func TestIsolatedPlanCampaign(t *testing.T) {
	p, pa, err := IsolatedPlan(1000, MustParseAQL("2.5"), 8000, 100)
	require.NoError(t, err)
	assert.Equal(t, "L 200 10/11 normal", planText(p))
	assert.InDelta(t, 0.0494, pa, 1e-4)
	p, pa, err = IsolatedPlan(1000, MustParseAQL("2.5"), 12500, 100)
	require.NoError(t, err)
	assert.Equal(t, "J 80 5/6 normal", planText(p))
	assert.InDelta(t, 0.0483, pa, 1e-4)
}

func TestIsolatedPlanRefuses(t *testing.T) {
	a := MustParseAQL("2.5")
	for name, call := range map[string]func() error{
		"lot size":      func() error { _, _, err := IsolatedPlan(0, a, 8000, 100); return err },
		"zero AQL":      func() error { _, _, err := IsolatedPlan(1000, AQL{}, 8000, 100); return err },
		"AQL above 10":  func() error { _, _, err := IsolatedPlan(1000, MustParseAQL("15"), 8000, 100); return err },
		"lq 0":          func() error { _, _, err := IsolatedPlan(1000, a, 0, 100); return err },
		"lq above 100%": func() error { _, _, err := IsolatedPlan(1000, a, 100001, 100); return err },
		"risk 0":        func() error { _, _, err := IsolatedPlan(1000, a, 8000, 0); return err },
		"risk 1000":     func() error { _, _, err := IsolatedPlan(1000, a, 8000, 1000); return err },
		"no plan":       func() error { _, _, err := IsolatedPlan(1000, a, 3000, 100); return err },
	} {
		err := call()
		require.ErrorIs(t, err, ErrInvalid, name)
	}
	_, _, err := IsolatedPlan(1000, a, 3000, 100)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	assert.Equal(t, "no_isolated_plan", ie.Code)
}

func TestJudgeIsolated(t *testing.T) {
	major, _, err := IsolatedPlan(1000, MustParseAQL("2.5"), 8000, 100)
	require.NoError(t, err)
	minor, err := PlanFor(1000, LevelII, MustParseAQL("4.0"), Normal)
	require.NoError(t, err)
	minor.Basis = Nonconformities
	plans := []ClassPlan{{Major, major}, {Minor, minor}}
	in := campaignInspection(10, 7)
	rec, err := JudgeIsolated("kampanye", "tulis", plans, in)
	require.NoError(t, err)
	assert.True(t, rec.Accepted)
	assert.Equal(t, "L 200 10/11 normal", planText(rec.Classes[0].Plan))

	in.Found = []int{11, 7}
	rec, err = JudgeIsolated("kampanye", "tulis", plans, in)
	require.NoError(t, err)
	assert.False(t, rec.Accepted)

	bad := []ClassPlan{{Major, major}, {Minor, Plan{Severity: Normal, AQL: MustParseAQL("4.0"), Letter: "J", PlanLetter: "J", SampleSize: 80, Ac: 9, Re: 10}}}
	_, err = JudgeIsolated("kampanye", "tulis", bad, in)
	var ie *InputError
	require.ErrorAs(t, err, &ie)
	require.ErrorIs(t, err, ErrInvalid)
	assert.Equal(t, "record.classes[1].plan", ie.Field)
	in.Found = []int{201, 0}
	_, err = JudgeIsolated("kampanye", "tulis", plans, in)
	require.ErrorIs(t, err, ErrInvalid)
	_, err = JudgeIsolated("kampanye", "tulis", plans, campaignInspection(1))
	require.ErrorIs(t, err, ErrInvalid)
	_, err = JudgeIsolated("", "tulis", plans, campaignInspection(1, 1))
	require.ErrorIs(t, err, ErrInvalid)
}
