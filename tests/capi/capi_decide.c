/* A population through the C ABI's decider, tallied in C as `fuzhu
 * simulate` counts: for every benefit its kind of amount, families,
 * recipients, rows whose payers were undetermined and fen per period; the
 * totals per kind; every payer's fen per kind and period. Prints one line
 * each, fields separated by tabs, amounts in fen:
 *   benefit ID KIND FAMILIES RECIPIENTS PAYERS_UNDETERMINED MONTHLY YEARLY ONCE
 *   total KIND MONTHLY YEARLY ONCE
 *   payer NAME KIND MONTHLY YEARLY ONCE
 *   families N, rejected N
 * (tests/capi/same_as_cli.cmake compares them with simulate's JSON.)
 *   capi_decide POLICY POPULATION.jsonl AS_OF
 *   capi_decide POLICY POPULATION.jsonl AS_OF --time    (decides per second) */
#define _POSIX_C_SOURCE 200809L /* getline */
#include <fuzhu/fuzhu.h>

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char* const kinds[4] = {"cash", "in_kind", "minimum", "discretionary"};

typedef struct {
  int64_t families, recipients, payers_undetermined, fen[3];
} benefit_sums;

typedef struct {
  const char* name;
  int64_t fen[4][3]; /* by kind, by period */
  int seen;          /* printed */
} payer_sums;

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: capi_decide POLICY POPULATION AS_OF [--time]\n");
    return 2;
  }
  fuzhu_policy* policy = NULL;
  fuzhu_diagnostics* diagnostics = NULL;
  fuzhu_status status = fuzhu_policy_compile_file(argv[1], NULL, &policy, &diagnostics);
  fputs(fuzhu_diagnostics_render(diagnostics), stderr);
  fuzhu_diagnostics_free(diagnostics);
  if (status != FUZHU_OK) return 1;
  FILE* population = fopen(argv[2], "rb");
  if (population == NULL) {
    fprintf(stderr, "%s: error: no such file\n", argv[2]);
    fuzhu_policy_free(policy);
    return 1;
  }

  int32_t benefits = fuzhu_policy_benefit_count(policy);
  benefit_sums* sums = calloc((size_t)benefits, sizeof *sums);
  size_t payer_slots = 0;
  for (int32_t b = 0; b < benefits; ++b) payer_slots += (size_t)fuzhu_policy_payer_count(policy, b);
  payer_sums* payers = calloc(payer_slots + 1, sizeof *payers);
  size_t payer_names = 0;

  fuzhu_decider* decider = NULL;
  if (fuzhu_decider_new(policy, NULL, &decider) != FUZHU_OK) {
    fprintf(stderr, "%s\n", fuzhu_last_error());
    return 1;
  }
  char* line = NULL;
  size_t capacity = 0;
  ssize_t length;
  int64_t families = 0, rejected = 0, totals[4][3] = {{0}};
  clock_t start = clock();
  while ((length = getline(&line, &capacity, population)) > 0) {
    const fuzhu_decisions* d = NULL;
    if (fuzhu_decide_json(decider, line, (size_t)length, argv[3], &d) != FUZHU_OK) {
      ++rejected;
      continue;
    }
    ++families;
    int32_t previous = -1;  /* rows of one benefit are adjacent */
    for (size_t i = 0; i < d->granted_count; ++i) {
      const fuzhu_granted* row = &d->granted[i];
      benefit_sums* s = &sums[row->benefit];
      s->recipients += 1;
      s->families += row->benefit != previous;
      previous = row->benefit;
      s->payers_undetermined += row->split_undetermined;
      fuzhu_period period = fuzhu_policy_benefit_period(policy, row->benefit);
      fuzhu_amount_kind kind = fuzhu_policy_benefit_kind(policy, row->benefit);
      if (period == FUZHU_PERIOD_NONE) continue;
      if (row->has_amount) {
        s->fen[period] += row->fen;
        totals[kind][period] += row->fen;
      }
      for (uint32_t k = row->first_payer; k < row->first_payer + row->payer_count; ++k) {
        if (!d->payers[k].has_amount) continue;
        const char* name = fuzhu_policy_payer_name(policy, row->benefit, d->payers[k].payer);
        size_t p = 0;
        while (p < payer_names && strcmp(payers[p].name, name) != 0) ++p;
        if (p == payer_names) payers[payer_names++].name = name;
        payers[p].fen[kind][period] += d->payers[k].fen;
      }
    }
  }
  double seconds = (double)(clock() - start) / CLOCKS_PER_SEC;
  if (argc > 4 && strcmp(argv[4], "--time") == 0) {
    printf("%" PRId64 " families decided in %.3f s: %.0f a second on one core\n", families + rejected, seconds,
           (double)(families + rejected) / seconds);
  } else {
    for (int32_t b = 0; b < benefits; ++b)
      if (sums[b].recipients > 0)
        printf("benefit\t%s\t%s\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\n",
               fuzhu_policy_benefit_id(policy, b), kinds[fuzhu_policy_benefit_kind(policy, b)], sums[b].families,
               sums[b].recipients, sums[b].payers_undetermined, sums[b].fen[0], sums[b].fen[1], sums[b].fen[2]);
    for (int k = 0; k < 4; ++k)
      printf("total\t%s\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\n", kinds[k], totals[k][0], totals[k][1], totals[k][2]);
    /* Payers in the policy's order, as simulate lists them. */
    for (int32_t b = 0; b < benefits; ++b)
      for (int32_t k = 0; k < fuzhu_policy_payer_count(policy, b); ++k) {
        const char* name = fuzhu_policy_payer_name(policy, b, k);
        for (size_t p = 0; p < payer_names; ++p) {
          if (payers[p].seen || strcmp(payers[p].name, name) != 0) continue;
          payers[p].seen = 1;
          for (int kind = 0; kind < 4; ++kind)
            printf("payer\t%s\t%s\t%" PRId64 "\t%" PRId64 "\t%" PRId64 "\n", name, kinds[kind],
                   payers[p].fen[kind][0], payers[p].fen[kind][1], payers[p].fen[kind][2]);
        }
      }
    printf("families\t%" PRId64 "\nrejected\t%" PRId64 "\n", families, rejected);
  }
  free(line);
  fclose(population);
  free(sums);
  free(payers);
  fuzhu_decider_free(decider);
  fuzhu_policy_free(policy);
  return 0;
}
