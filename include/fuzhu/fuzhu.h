/* fuzhu (扶助) — the C ABI: compile a welfare policy once, then evaluate or
 * decide families against it, from C or from any language that calls C
 * (Python's ctypes, Go's cgo, Java's FFM, .NET's P/Invoke).
 *
 *   fuzhu_policy* policy = NULL;
 *   fuzhu_diagnostics* diagnostics = NULL;
 *   if (fuzhu_policy_compile_file("policies/yiyang.policy", NULL, &policy, &diagnostics) != FUZHU_OK)
 *     fputs(fuzhu_diagnostics_render(diagnostics), stderr);
 *   fuzhu_diagnostics_free(diagnostics);
 *   char* json = NULL;
 *   if (fuzhu_evaluate_json(policy, family, strlen(family), "2026-11-23", NULL, &json, NULL, NULL) == FUZHU_OK)
 *     puts(json);                     // the object of `fuzhu eval --format json`
 *   fuzhu_free(json);
 *   fuzhu_policy_free(policy);
 *
 * Library: libfuzhu_c (CMake: fuzhu::fuzhu_c; pkg-config: fuzhu-c). Plain C11.
 *
 * Rules that hold for every function (docs/embedding.md says more):
 * - Errors: a function that can fail returns a fuzhu_status. On failure it
 *   also sets the calling thread's last error message (fuzhu_last_error),
 *   and where a problem is about a policy or a family's facts, it gives
 *   diagnostics with their stable codes (docs/diagnostics.md).
 * - No C++ exception ever leaves a function, and none aborts the process:
 *   out of memory is FUZHU_ERROR_MEMORY; a bug in fuzhu is
 *   FUZHU_ERROR_INTERNAL with its message.
 * - Ownership: a function named _new, _compile_ or given a `char**` /
 *   `fuzhu_diagnostics**` out-parameter hands the caller something to free
 *   with the matching _free (NULL is accepted by every _free). A `const`
 *   pointer returned by a function is owned by the handle it came from and
 *   lives as long as that handle (or, where stated, until the handle's next
 *   call).
 * - Out-parameters are set on every return: to the result, or to NULL / 0.
 * - Strings are UTF-8 and NUL-terminated, unless a length is passed with
 *   them (then they need not be NUL-terminated).
 * - Dates are "YYYY-MM-DD" strings; NULL means today (local calendar).
 * - Money is exact: int64 fen (分, 1/100 yuan) here, decimal yuan in JSON.
 * - Threads: a fuzhu_policy is immutable and may be used by any number of
 *   threads at once. A fuzhu_decider is used by one thread at a time
 *   (different deciders by different threads freely). A fuzhu_diagnostics
 *   is read-only once handed out. Compiling on several threads at once is
 *   safe.
 */
#ifndef FUZHU_FUZHU_H
#define FUZHU_FUZHU_H

#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__) || defined(__clang__)
#define FUZHU_C_API __attribute__((visibility("default")))
#else
#define FUZHU_C_API
#endif

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------ basics */

/* The C ABI's own version: raised when a function or struct of this header
 * changes incompatibly (the library's soname follows it). */
#define FUZHU_C_ABI_VERSION 1

typedef enum fuzhu_status {
  FUZHU_OK = 0,
  FUZHU_ERROR_COMPILE = 1,    /* the policy has errors: see the diagnostics */
  FUZHU_ERROR_FACTS = 2,      /* the family's facts are not valid: see the diagnostics */
  FUZHU_ERROR_EVALUATION = 3, /* the facts are impossible on that date, or an amount
                                 cannot be computed (overflow): see the diagnostics */
  FUZHU_ERROR_ARGUMENT = 4,   /* a NULL handle, a date that is not a day, an index
                                 out of range: see fuzhu_last_error() */
  FUZHU_ERROR_MEMORY = 5,     /* out of memory */
  FUZHU_ERROR_INTERNAL = 6    /* a bug in fuzhu: see fuzhu_last_error() */
} fuzhu_status;

/* "ok", "compile", "facts", "evaluation", "argument", "memory", "internal";
 * "unknown" for any other value. Static storage. Thread-safe. */
FUZHU_C_API const char* fuzhu_status_name(fuzhu_status status);

/* The message of the last failing call on this thread ("" if none): what
 * was wrong and where. Owned by the library; valid until this thread's next
 * failing call. Thread-safe (each thread has its own). */
FUZHU_C_API const char* fuzhu_last_error(void);

/* The library's version, "MAJOR.MINOR.PATCH". Static storage. Thread-safe. */
FUZHU_C_API const char* fuzhu_version(void);

/* Frees a string this library returned through a `char**` (the caller owns
 * it until then). NULL is fine. Thread-safe. */
FUZHU_C_API void fuzhu_free(void* string);

/* ------------------------------------------------------------- diagnostics */

/* A list of diagnostics handed out by a call. Read-only once handed out:
 * the functions below only read it, and several threads may read one at
 * once; fuzhu_diagnostics_free must not race with them. */
typedef struct fuzhu_diagnostics fuzhu_diagnostics;

/* One diagnostic. Every string is owned by the fuzhu_diagnostics it came
 * from and is never NULL ("" when absent). */
typedef struct fuzhu_diagnostic {
  const char* severity; /* "error", "warning" or "note" */
  const char* code;     /* stable, e.g. "X003": match on this (docs/diagnostics.md) */
  const char* kind;     /* "syntax", "file", "schema", "policy", "name", "type",
                           "limit", "facts", "evaluation" or "usage" */
  const char* file;     /* the policy file, or "" (facts given as text) */
  int32_t line;         /* 1-based; 0 when about a whole file or about facts */
  int32_t column;       /* 1-based, in characters; 0 as line */
  const char* path;     /* facts: the JSON path of the fact, e.g. "child.status" */
  const char* message;  /* plain words that lead to the fix */
  const char* rendered; /* "file:line:col: error: message [CODE]", the source
                           line and a caret under the column */
} fuzhu_diagnostic;

/* How many; 0 for NULL. */
FUZHU_C_API size_t fuzhu_diagnostics_count(const fuzhu_diagnostics* diagnostics);
/* The i-th, or NULL when i >= count. Owned by `diagnostics`. */
FUZHU_C_API const fuzhu_diagnostic* fuzhu_diagnostics_at(const fuzhu_diagnostics* diagnostics, size_t i);
/* Whether any is an error (warnings do not stop anything). */
FUZHU_C_API int fuzhu_diagnostics_has_errors(const fuzhu_diagnostics* diagnostics);
/* Every diagnostic rendered, one after another ("" for none or NULL).
 * Owned by `diagnostics`. */
FUZHU_C_API const char* fuzhu_diagnostics_render(const fuzhu_diagnostics* diagnostics);
/* Frees what a `fuzhu_diagnostics**` out-parameter handed out. NULL is fine.
 * Not for fuzhu_decider_diagnostics(), which the decider owns. */
FUZHU_C_API void fuzhu_diagnostics_free(fuzhu_diagnostics* diagnostics);

/* ---------------------------------------------------------------- policies */

typedef struct fuzhu_policy fuzhu_policy;

typedef struct fuzhu_compile_options {
  /* Extra folders searched by `use "…"` after the including file's folder. */
  const char* const* include_dirs;
  size_t include_dir_count;
  /* Searched last. NULL: the folder the policies were installed to (where
   * `use "facts.schema"` finds the installed schema); "": none. */
  const char* policies_dir;
} fuzhu_compile_options;

/* Compiles a policy file and what it uses. `options` may be NULL (defaults).
 * On success *policy is set (free with fuzhu_policy_free); otherwise NULL
 * and FUZHU_ERROR_COMPILE. *diagnostics, if `diagnostics` is not NULL,
 * receives the errors and warnings (possibly none; free with
 * fuzhu_diagnostics_free) whatever the status, NULL only for MEMORY or
 * ARGUMENT. Thread-safe: any number of compilations may run at once. */
FUZHU_C_API fuzhu_status fuzhu_policy_compile_file(const char* path, const fuzhu_compile_options* options,
                                                   fuzhu_policy** policy, fuzhu_diagnostics** diagnostics);
/* The same from text (`length` bytes). `name` (may be NULL: "policy") names
 * it in diagnostics, and its folder is where relative `use` paths start. */
FUZHU_C_API fuzhu_status fuzhu_policy_compile_string(const char* text, size_t length, const char* name,
                                                     const fuzhu_compile_options* options, fuzhu_policy** policy,
                                                     fuzhu_diagnostics** diagnostics);
/* Deciders made from the policy keep what they need: the policy may be
 * freed before them. Must not be called while another thread uses it. */
FUZHU_C_API void fuzhu_policy_free(fuzhu_policy* policy);

/* The policy's header, as written: "title", "document", "issuer",
 * "jurisdiction", "status" ("final" or "draft"), "file"; its days,
 * "YYYY-MM-DD" or "" when the header gives none: "issued", "in_force_from",
 * "in_force_to" (the last day in force, inclusive; computed when the header
 * says `for 5 年`), and "in_force_period" ("5 年" or ""); and "fingerprint",
 * the identity of its facts schema (facts read for one policy are evaluated
 * by another only when the fingerprints agree). NULL for any other field or
 * a NULL policy. Owned by the policy. Thread-safe. */
FUZHU_C_API const char* fuzhu_policy_info(const fuzhu_policy* policy, const char* field);

/* ------------------------------------------------ names of the indices
 * Decisions give benefits, recipients, payers and facts as indices; the
 * policy names them. Every string is owned by the policy and lives as long
 * as it. An index out of range gives NULL (or -1 for a count, or an
 * _INVALID value) and sets fuzhu_last_error(). Thread-safe: they only read
 * the policy. */

/* Benefits are numbered 0 to count - 1 in the policy's source order. */
FUZHU_C_API int32_t fuzhu_policy_benefit_count(const fuzhu_policy* policy);
FUZHU_C_API const char* fuzhu_policy_benefit_id(const fuzhu_policy* policy, int32_t benefit);    /* catalog id */
FUZHU_C_API const char* fuzhu_policy_benefit_title(const fuzhu_policy* policy, int32_t benefit); /* "特别扶助金" */

typedef enum fuzhu_period {
  FUZHU_PERIOD_NONE = -1, /* a service: no period, no amount */
  FUZHU_PERIOD_MONTHLY = 0,
  FUZHU_PERIOD_YEARLY = 1,
  FUZHU_PERIOD_ONCE = 2,
  FUZHU_PERIOD_INVALID = -2 /* the index is out of range */
} fuzhu_period;
FUZHU_C_API fuzhu_period fuzhu_policy_benefit_period(const fuzhu_policy* policy, int32_t benefit);

/* What kind of amount a benefit's is; totals keep the kinds apart and never
 * add one into another (`fuzhu eval` totals.<period>.<kind>). */
typedef enum fuzhu_amount_kind {
  FUZHU_KIND_CASH = 0,          /* paid in money, firmly */
  FUZHU_KIND_IN_KIND = 1,       /* 实物: the value of something given or bought */
  FUZHU_KIND_MINIMUM = 2,       /* 不低于: a floor; the real figure may be higher */
  FUZHU_KIND_DISCRETIONARY = 3, /* 有条件的地方可: it may not be paid at all */
  FUZHU_KIND_INVALID = -1       /* the index is out of range */
} fuzhu_amount_kind;
FUZHU_C_API fuzhu_amount_kind fuzhu_policy_benefit_kind(const fuzhu_policy* policy, int32_t benefit);

/* -1 is the household; otherwise the child or a parent. "household",
 * "child", "mother", "father"; NULL for any other index. */
FUZHU_C_API const char* fuzhu_policy_recipient_name(const fuzhu_policy* policy, int32_t recipient);

/* The payers a benefit names (`paid by`), 0 to count - 1. */
FUZHU_C_API int32_t fuzhu_policy_payer_count(const fuzhu_policy* policy, int32_t benefit);
FUZHU_C_API const char* fuzhu_policy_payer_name(const fuzhu_policy* policy, int32_t benefit, int32_t payer);

/* The facts a family may give, 0 to count - 1: "mother.birth_date". */
FUZHU_C_API int32_t fuzhu_policy_fact_count(const fuzhu_policy* policy);
FUZHU_C_API const char* fuzhu_policy_fact_path(const fuzhu_policy* policy, int32_t fact);

/* The facts schema as a JSON Schema (draft 2020-12) of the family object
 * `fuzhu_evaluate_json` reads: each fact's type, range, allowed values with
 * their Chinese labels ("title"), its index (x-fuzhu-fact) and whether the
 * policy reads it (x-fuzhu-read), enough to build a questionnaire.
 * *schema receives it (free with fuzhu_free), *length its length if
 * `length` is not NULL. Thread-safe. */
FUZHU_C_API fuzhu_status fuzhu_policy_facts_schema(const fuzhu_policy* policy, char** schema, size_t* length);

/* ------------------------------------------------------------- evaluation */

typedef struct fuzhu_eval_options {
  int explain;                /* non-zero: add "explanations" (fuzhu eval --explain) */
  int assume_in_jurisdiction; /* non-zero: as if registered there (fuzhu compare) */
  const char* lang;           /* the language of the explanations' plain rules:
                                 "zh" (NULL too) or "en" (fuzhu eval --lang) */
} fuzhu_eval_options;

/* Evaluates one family given as JSON (`length` bytes, the object a facts
 * file holds) on `as_of` (NULL: today). `options` may be NULL.
 * On success *result receives the object `fuzhu eval --format json` prints,
 * byte for byte (free with fuzhu_free), *result_length its length if not
 * NULL. Fails with FUZHU_ERROR_FACTS (invalid facts), FUZHU_ERROR_EVALUATION
 * (impossible facts, overflow) or FUZHU_ERROR_ARGUMENT (NULL, bad date, a
 * lang other than "zh" or "en").
 * *diagnostics, if `diagnostics` is not NULL, receives the facts' errors and
 * warnings (unknown fields) or the evaluation's errors, whatever the status
 * (free with fuzhu_diagnostics_free). Thread-safe: many threads may evaluate
 * one policy at once. */
FUZHU_C_API fuzhu_status fuzhu_evaluate_json(const fuzhu_policy* policy, const char* facts_json, size_t length,
                                             const char* as_of, const fuzhu_eval_options* options, char** result,
                                             size_t* result_length, fuzhu_diagnostics** diagnostics);

/* --------------------------------------------------------------- deciding
 * The fast path for many families: the same decisions as evaluation, by
 * index, without building a string. One decider per thread, reused from
 * family to family; once warm it allocates nothing per family. */

typedef struct fuzhu_decider fuzhu_decider;

/* A benefit granted to one recipient. */
typedef struct fuzhu_granted {
  int32_t benefit;      /* fuzhu_policy_benefit_id */
  int32_t recipient;    /* fuzhu_policy_recipient_name; -1 the household */
  int32_t has_amount;   /* 0: a service, or the document sets no figure */
  int32_t split_undetermined; /* 1: who pays depends on facts not given; no payers are
                                 listed, and those facts are needs[first_split_need ..] */
  int64_t fen;          /* the amount (has_amount), in fen */
  uint32_t first_payer; /* its payers' shares: payers[first_payer .. + payer_count] */
  uint32_t payer_count;
  uint32_t first_split_need;
  uint32_t split_need_count;
} fuzhu_granted;

/* A payer of a granted row, and its share where the policy sets one. */
typedef struct fuzhu_payer_share {
  int32_t payer;      /* fuzhu_policy_payer_name(policy, row's benefit, payer) */
  int32_t has_amount; /* 0: the policy names the payer without a share; otherwise
                         the shares of a row add up to its amount */
  int64_t fen;
} fuzhu_payer_share;

/* A benefit that cannot be decided for one recipient from the facts given. */
typedef struct fuzhu_undetermined {
  int32_t benefit;
  int32_t recipient;
  uint32_t first_need; /* the facts that would decide it: needs[first_need .. + need_count] */
  uint32_t need_count;
  const char* reason;  /* "" when the missing facts are the reason */
} fuzhu_undetermined;

/* What one decision found. Owned by the decider; valid until its next
 * decide or its free. Rows come in evaluation order. */
typedef struct fuzhu_decisions {
  int32_t in_force;        /* the policy is in force on as_of */
  int32_t in_jurisdiction; /* 1, 0, or -1 when household.region is not given */
  const fuzhu_granted* granted;
  size_t granted_count;
  const fuzhu_payer_share* payers;
  size_t payer_count;
  const fuzhu_undetermined* undetermined;
  size_t undetermined_count;
  const int32_t* needs; /* fact indices: fuzhu_policy_fact_path */
  size_t need_count;
  const int32_t* not_granted; /* benefits granted to no one */
  size_t not_granted_count;
} fuzhu_decisions;

/* A decider for `policy` (which it keeps: the policy may be freed first).
 * `options` may be NULL; `explain` is ignored. Free with fuzhu_decider_free. */
FUZHU_C_API fuzhu_status fuzhu_decider_new(const fuzhu_policy* policy, const fuzhu_eval_options* options,
                                           fuzhu_decider** decider);
/* Must not be called while another thread uses the decider. NULL is fine. */
FUZHU_C_API void fuzhu_decider_free(fuzhu_decider* decider);

/* Decides one family given as JSON on `as_of` (NULL: today). On success
 * *decisions points at the decider's decisions. Fails with
 * FUZHU_ERROR_FACTS, FUZHU_ERROR_EVALUATION or FUZHU_ERROR_ARGUMENT;
 * fuzhu_decider_diagnostics then says why. One thread at a time. */
FUZHU_C_API fuzhu_status fuzhu_decide_json(fuzhu_decider* decider, const char* facts_json, size_t length,
                                           const char* as_of, const fuzhu_decisions** decisions);

/* Why the decider's last decide failed (and the facts' warnings when it
 * did not). Owned by the decider; valid until its next decide. */
FUZHU_C_API const fuzhu_diagnostics* fuzhu_decider_diagnostics(const fuzhu_decider* decider);

#ifdef __cplusplus
}
#endif

#endif /* FUZHU_FUZHU_H */
