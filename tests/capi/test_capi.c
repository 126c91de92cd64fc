/* The C ABI from a C11 program (built with ASan and UBSan): compiling,
 * diagnostics with their codes, evaluation as JSON, deciding by index,
 * names, errors for bad arguments, ownership (a decider outliving its
 * policy) and threads sharing one policy. Expected values are worked out
 * from policies/yiyang.policy for examples/families/yiyang_bereaved.json on
 * 2026-11-23: both parents alive, the only child died in 2020, 赫山区 is a
 * city district of 益阳市.
 *   test_capi SOURCE_DIR */
#include <fuzhu/fuzhu.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

static int failures = 0;

#define CHECK(condition)                                                 \
  do {                                                                   \
    if (!(condition)) {                                                  \
      fprintf(stderr, "%s:%d: CHECK failed: %s\n", __FILE__, __LINE__, #condition); \
      ++failures;                                                        \
    }                                                                    \
  } while (0)

static int contains(const char* text, const char* part) { return text != NULL && strstr(text, part) != NULL; }

static char source_dir[4096];

static char* read_file(const char* relative, size_t* length) {
  char path[8192];
  snprintf(path, sizeof path, "%s/%s", source_dir, relative);
  FILE* f = fopen(path, "rb");
  if (f == NULL) {
    fprintf(stderr, "cannot open %s\n", path);
    exit(2);
  }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  fseek(f, 0, SEEK_SET);
  char* text = malloc((size_t)size + 1);
  size_t got = fread(text, 1, (size_t)size, f);
  fclose(f);
  text[got] = '\0';
  if (length != NULL) *length = got;
  return text;
}

static fuzhu_policy* compile_yiyang(void) {
  char path[8192];
  snprintf(path, sizeof path, "%s/policies/yiyang.policy", source_dir);
  fuzhu_policy* policy = NULL;
  fuzhu_diagnostics* diagnostics = NULL;
  fuzhu_status status = fuzhu_policy_compile_file(path, NULL, &policy, &diagnostics);
  if (status != FUZHU_OK) {
    fprintf(stderr, "%s%s\n", fuzhu_diagnostics_render(diagnostics), fuzhu_last_error());
    exit(1);
  }
  CHECK(diagnostics != NULL);
  CHECK(!fuzhu_diagnostics_has_errors(diagnostics));
  fuzhu_diagnostics_free(diagnostics);
  return policy;
}

static int benefit_index(const fuzhu_policy* policy, const char* id) {
  for (int32_t b = 0; b < fuzhu_policy_benefit_count(policy); ++b)
    if (strcmp(fuzhu_policy_benefit_id(policy, b), id) == 0) return b;
  return -1;
}

static void test_basics(void) {
  CHECK(strcmp(fuzhu_status_name(FUZHU_OK), "ok") == 0);
  CHECK(strcmp(fuzhu_status_name(FUZHU_ERROR_FACTS), "facts") == 0);
  CHECK(strcmp(fuzhu_status_name((fuzhu_status)99), "unknown") == 0);
  const char* version = fuzhu_version();
  CHECK(version != NULL && version[0] >= '0' && version[0] <= '9' && strchr(version, '.') != NULL);
  fuzhu_free(NULL);
  fuzhu_diagnostics_free(NULL);
  fuzhu_policy_free(NULL);
  fuzhu_decider_free(NULL);
  CHECK(fuzhu_diagnostics_count(NULL) == 0);
  CHECK(strcmp(fuzhu_diagnostics_render(NULL), "") == 0);
}

static void test_compile_errors(void) {
  fuzhu_policy* policy = (fuzhu_policy*)1;  /* must be reset */
  fuzhu_diagnostics* diagnostics = NULL;
  CHECK(fuzhu_policy_compile_file("/nowhere/x.policy", NULL, &policy, &diagnostics) == FUZHU_ERROR_COMPILE);
  CHECK(policy == NULL);
  CHECK(fuzhu_diagnostics_count(diagnostics) == 1);
  const fuzhu_diagnostic* d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "F001") == 0 && strcmp(d->kind, "file") == 0);
  CHECK(d != NULL && strcmp(d->severity, "error") == 0 && strcmp(d->file, "/nowhere/x.policy") == 0);
  CHECK(fuzhu_diagnostics_at(diagnostics, 1) == NULL);
  CHECK(contains(fuzhu_last_error(), "no such file"));
  fuzhu_diagnostics_free(diagnostics);

  /* tests/bad/type_error.policy: `>` between a date and money at 11:8. It
   * uses "../../policies/facts.schema", which `use` may read only when the
   * policies folder is one the host names. */
  char path[8192], policies[8192];
  snprintf(path, sizeof path, "%s/tests/bad/type_error.policy", source_dir);
  snprintf(policies, sizeof policies, "%s/policies", source_dir);
  fuzhu_compile_options with_policies = {NULL, 0, policies};
  CHECK(fuzhu_policy_compile_file(path, &with_policies, &policy, &diagnostics) == FUZHU_ERROR_COMPILE);
  CHECK(fuzhu_diagnostics_has_errors(diagnostics));
  d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && d->code[0] == 'T' && strcmp(d->kind, "type") == 0);
  CHECK(d != NULL && d->line == 11 && d->column == 8);
  CHECK(d != NULL && contains(d->message, "cannot apply '>' to date and money"));
  CHECK(d != NULL && contains(d->rendered, "type_error.policy:11:8: error: cannot apply"));
  CHECK(contains(fuzhu_diagnostics_render(diagnostics), d->rendered));
  fuzhu_diagnostics_free(diagnostics);

  /* Bad arguments: a status and a message, never a crash. */
  CHECK(fuzhu_policy_compile_file(NULL, NULL, &policy, &diagnostics) == FUZHU_ERROR_ARGUMENT);
  CHECK(policy == NULL && diagnostics == NULL);
  CHECK(contains(fuzhu_last_error(), "`path` is NULL"));
  CHECK(fuzhu_policy_compile_file(path, NULL, NULL, NULL) == FUZHU_ERROR_ARGUMENT);
}

static void test_in_force_for_years(void) {
  /* Foshan: 自2020年1月1日起施行，有效期5年: in force through 2024-12-31. */
  char path[8192];
  snprintf(path, sizeof path, "%s/policies/foshan.policy", source_dir);
  fuzhu_policy* policy = NULL;
  CHECK(fuzhu_policy_compile_file(path, NULL, &policy, NULL) == FUZHU_OK);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_from"), "2020-01-01") == 0);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_to"), "2024-12-31") == 0);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_period"), "5 年") == 0);
  fuzhu_policy_free(policy);
}

static void test_compile_string(void) {
  /* A policy held as text finds `use "facts.schema"` in policies_dir. */
  const char* text =
      "use \"facts.schema\"\n"
      "policy \"测试\" { document \"测试〔2026〕1号\" in force from 2026-01-01 jurisdiction \"益阳市\" }\n"
      "benefit special_allowance \"特别扶助金\" { cites \"一\" monthly 490 元 }\n";
  char policies[8192];
  snprintf(policies, sizeof policies, "%s/policies", source_dir);
  fuzhu_compile_options options = {NULL, 0, policies};
  fuzhu_policy* policy = NULL;
  CHECK(fuzhu_policy_compile_string(text, strlen(text), "memory.policy", &options, &policy, NULL) == FUZHU_OK);
  CHECK(fuzhu_policy_benefit_count(policy) == 1);
  CHECK(strcmp(fuzhu_policy_info(policy, "document"), "测试〔2026〕1号") == 0);
  CHECK(fuzhu_policy_info(policy, "colour") == NULL);
  fuzhu_policy_free(policy);

  options.policies_dir = "";  /* no folder: the schema cannot be found */
  fuzhu_diagnostics* diagnostics = NULL;
  CHECK(fuzhu_policy_compile_string(text, strlen(text), "memory.policy", &options, &policy, &diagnostics) ==
        FUZHU_ERROR_COMPILE);
  CHECK(policy == NULL);
  const fuzhu_diagnostic* d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "F004") == 0 && contains(d->message, "facts.schema"));
  CHECK(d != NULL && strcmp(d->file, "memory.policy") == 0 && d->line == 1);
  fuzhu_diagnostics_free(diagnostics);
}

static void test_names(const fuzhu_policy* policy) {
  CHECK(fuzhu_policy_benefit_count(policy) == 24);
  CHECK(strcmp(fuzhu_policy_info(policy, "document"), "益政办发〔2017〕26号") == 0);
  /* issued 2017-09-28, in force from 2017-09-29, no end date. */
  CHECK(strcmp(fuzhu_policy_info(policy, "issued"), "2017-09-28") == 0);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_from"), "2017-09-29") == 0);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_to"), "") == 0);
  CHECK(strcmp(fuzhu_policy_info(policy, "in_force_period"), "") == 0);
  CHECK(strcmp(fuzhu_policy_benefit_id(policy, 0), "special_allowance") == 0);
  CHECK(strcmp(fuzhu_policy_benefit_title(policy, 0), "特别扶助金") == 0);
  CHECK(fuzhu_policy_benefit_period(policy, 0) == FUZHU_PERIOD_MONTHLY);
  CHECK(fuzhu_policy_benefit_period(policy, benefit_index(policy, "consolation_payment")) == FUZHU_PERIOD_ONCE);
  CHECK(fuzhu_policy_benefit_period(policy, benefit_index(policy, "medical_green_channel")) == FUZHU_PERIOD_NONE);
  CHECK(fuzhu_policy_benefit_kind(policy, 0) == FUZHU_KIND_CASH);
  CHECK(fuzhu_policy_benefit_kind(policy, 99) == FUZHU_KIND_INVALID);
  CHECK(strlen(fuzhu_policy_info(policy, "fingerprint")) == 16);
  CHECK(fuzhu_policy_benefit_id(policy, 24) == NULL);
  CHECK(contains(fuzhu_last_error(), "benefit_id(24): no such index; 24 benefits are numbered 0 to 23"));
  CHECK(fuzhu_policy_benefit_period(policy, -5) == FUZHU_PERIOD_INVALID);
  CHECK(strcmp(fuzhu_policy_recipient_name(policy, -1), "household") == 0);
  int recipients = 0;
  for (int32_t r = 0; r < 10; ++r) {
    const char* name = fuzhu_policy_recipient_name(policy, r);
    if (name == NULL) continue;
    ++recipients;
    CHECK(strcmp(name, "mother") == 0 || strcmp(name, "father") == 0 || strcmp(name, "child") == 0);
  }
  CHECK(recipients == 3);
  CHECK(fuzhu_policy_payer_count(policy, 0) == 4);
  CHECK(strcmp(fuzhu_policy_payer_name(policy, 0, 0), "省级特别扶助资金") == 0);
  CHECK(fuzhu_policy_payer_name(policy, 0, 4) == NULL);
  CHECK(fuzhu_policy_payer_count(policy, 99) == -1);
  int32_t facts = fuzhu_policy_fact_count(policy);
  CHECK(facts > 20);
  int found = 0;
  for (int32_t f = 0; f < facts; ++f) found += strcmp(fuzhu_policy_fact_path(policy, f), "child.status") == 0;
  CHECK(found == 1);
  CHECK(fuzhu_policy_fact_path(policy, facts) == NULL);
  CHECK(fuzhu_policy_benefit_count(NULL) == -1);
  CHECK(contains(fuzhu_last_error(), "the policy is NULL"));

  char* schema = NULL;
  size_t length = 0;
  CHECK(fuzhu_policy_facts_schema(policy, &schema, &length) == FUZHU_OK);
  CHECK(schema != NULL && strlen(schema) == length);
  CHECK(contains(schema, "\"$schema\": \"https://json-schema.org/draft/2020-12/schema\""));
  CHECK(contains(schema, "\"birth_date\""));
  fuzhu_free(schema);
}

static void test_evaluate(const fuzhu_policy* policy) {
  size_t length = 0;
  char* family = read_file("examples/families/yiyang_bereaved.json", &length);
  char* json = NULL;
  size_t json_length = 0;
  fuzhu_diagnostics* diagnostics = NULL;
  CHECK(fuzhu_evaluate_json(policy, family, length, "2026-11-23", NULL, &json, &json_length, &diagnostics) == FUZHU_OK);
  CHECK(json != NULL && strlen(json) == json_length);
  CHECK(contains(json, "\"benefit\": \"special_allowance\""));
  CHECK(contains(json, "\"cash\": 980"));  /* per month: 490 元 for each parent (the rest are 0) */
  CHECK(!contains(json, "\"explanations\""));
  CHECK(fuzhu_diagnostics_count(diagnostics) == 0);
  fuzhu_free(json);
  fuzhu_diagnostics_free(diagnostics);

  fuzhu_eval_options explain = {1, 0, NULL};
  CHECK(fuzhu_evaluate_json(policy, family, length, "2026-11-23", &explain, &json, NULL, NULL) == FUZHU_OK);
  CHECK(contains(json, "\"explanations\": ["));
  char* chinese = json;
  explain.lang = "en";  /* the plain rules in English: other text, the same decisions */
  CHECK(fuzhu_evaluate_json(policy, family, length, "2026-11-23", &explain, &json, NULL, NULL) == FUZHU_OK);
  CHECK(json != NULL && strcmp(json, chinese) != 0 && contains(json, "\"explanations\": ["));
  fuzhu_free(json);
  fuzhu_free(chinese);
  explain.lang = "fr";
  CHECK(fuzhu_evaluate_json(policy, family, length, "2026-11-23", &explain, &json, NULL, NULL) == FUZHU_ERROR_ARGUMENT);
  CHECK(json == NULL && contains(fuzhu_last_error(), "lang \"fr\" is not \"zh\" or \"en\""));

  /* Not a day of the calendar; a NULL policy. */
  CHECK(fuzhu_evaluate_json(policy, family, length, "2026-13-01", NULL, &json, NULL, NULL) == FUZHU_ERROR_ARGUMENT);
  CHECK(json == NULL);
  CHECK(contains(fuzhu_last_error(), "as_of \"2026-13-01\" is not a day of the calendar"));
  CHECK(fuzhu_evaluate_json(NULL, family, length, NULL, NULL, &json, NULL, NULL) == FUZHU_ERROR_ARGUMENT);
  free(family);

  /* Facts that are not valid: the diagnostic names the fact. */
  const char* lost = "{\"child\": {\"status\": \"lost\"}}";
  CHECK(fuzhu_evaluate_json(policy, lost, strlen(lost), "2026-11-23", NULL, &json, NULL, &diagnostics) ==
        FUZHU_ERROR_FACTS);
  CHECK(json == NULL);
  const fuzhu_diagnostic* d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "X003") == 0 && strcmp(d->kind, "facts") == 0);
  CHECK(d != NULL && strcmp(d->path, "child.status") == 0 && contains(d->message, "\"lost\" is not one of"));
  CHECK(contains(fuzhu_last_error(), "\"lost\""));
  fuzhu_diagnostics_free(diagnostics);

  /* Malformed JSON, even cut short without a NUL: an error, no overrun. */
  const char* cut = "{\"child\": {\"status\": \"deceased\"";
  CHECK(fuzhu_evaluate_json(policy, cut, 20, NULL, NULL, &json, NULL, &diagnostics) == FUZHU_ERROR_FACTS);
  d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "X001") == 0);
  fuzhu_diagnostics_free(diagnostics);

  /* Nested 100000 deep: refused at the depth limit, not a stack overflow. */
  size_t depth = 100000;
  char* deep = malloc(2 * depth + 16);
  memcpy(deep, "{\"household\":", 13);
  memset(deep + 13, '[', depth);
  memset(deep + 13 + depth, ']', depth);
  memcpy(deep + 13 + 2 * depth, "}", 2);
  CHECK(fuzhu_evaluate_json(policy, deep, strlen(deep), "2026-11-23", NULL, &json, NULL, &diagnostics) ==
        FUZHU_ERROR_FACTS);
  int limit = 0;
  for (size_t i = 0; i < fuzhu_diagnostics_count(diagnostics); ++i)
    limit += strcmp(fuzhu_diagnostics_at(diagnostics, i)->code, "L012") == 0;
  CHECK(limit == 1);
  fuzhu_diagnostics_free(diagnostics);
  free(deep);

  /* An unknown field is a warning: the evaluation goes on. */
  const char* colour = "{\"household\": {\"colour\": \"red\"}}";
  CHECK(fuzhu_evaluate_json(policy, colour, strlen(colour), "2026-11-23", NULL, &json, NULL, &diagnostics) == FUZHU_OK);
  d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "X004") == 0 && strcmp(d->severity, "warning") == 0);
  CHECK(!fuzhu_diagnostics_has_errors(diagnostics));
  fuzhu_free(json);
  fuzhu_diagnostics_free(diagnostics);

  /* A mother born after the evaluation date: impossible on that date. */
  const char* unborn = "{\"mother\": {\"birth_date\": \"2030-01-01\"}}";
  CHECK(fuzhu_evaluate_json(policy, unborn, strlen(unborn), "2026-11-23", NULL, &json, NULL, &diagnostics) ==
        FUZHU_ERROR_EVALUATION);
  d = fuzhu_diagnostics_at(diagnostics, 0);
  CHECK(d != NULL && strcmp(d->code, "X006") == 0);
  fuzhu_diagnostics_free(diagnostics);
}

/* The special allowance of one parent: 490 元, of which 省级特别扶助资金
 * 390 元 (deceased), 市财政 40 元 and 区财政 60 元 (a city district); 县财政
 * pays only in a county. */
static void check_special_allowance(const fuzhu_policy* policy, const fuzhu_decisions* d, const fuzhu_granted* row) {
  CHECK(row->has_amount && row->fen == 49000);
  CHECK(!row->split_undetermined && row->split_need_count == 0);
  int64_t shares = 0;
  int provincial = 0, city = 0, district = 0;
  for (uint32_t i = row->first_payer; i < row->first_payer + row->payer_count; ++i) {
    const fuzhu_payer_share* share = &d->payers[i];
    const char* name = fuzhu_policy_payer_name(policy, row->benefit, share->payer);
    CHECK(share->has_amount);
    shares += share->fen;
    if (strcmp(name, "省级特别扶助资金") == 0) provincial += share->fen == 39000;
    if (strcmp(name, "市财政") == 0) city += share->fen == 4000;
    if (strcmp(name, "区财政") == 0) district += share->fen == 6000;
    CHECK(strcmp(name, "县财政") != 0);
  }
  CHECK(provincial == 1 && city == 1 && district == 1);
  CHECK(shares == 49000);
}

static void check_decisions(const fuzhu_policy* policy, const fuzhu_decisions* d) {
  CHECK(d->in_force == 1 && d->in_jurisdiction == 1);
  int special = 0, mother = 0, father = 0;
  for (size_t i = 0; i < d->granted_count; ++i) {
    const fuzhu_granted* row = &d->granted[i];
    if (strcmp(fuzhu_policy_benefit_id(policy, row->benefit), "special_allowance") != 0) continue;
    ++special;
    const char* to = fuzhu_policy_recipient_name(policy, row->recipient);
    mother += strcmp(to, "mother") == 0;
    father += strcmp(to, "father") == 0;
    check_special_allowance(policy, d, row);
  }
  CHECK(special == 2 && mother == 1 && father == 1);
  /* The child died in 2020, not in 2026: no consolation payment this year. */
  int consolation = benefit_index(policy, "consolation_payment");
  int refused = 0;
  for (size_t i = 0; i < d->not_granted_count; ++i) refused += d->not_granted[i] == consolation;
  CHECK(refused == 1);
  for (size_t i = 0; i < d->undetermined_count; ++i) {
    const fuzhu_undetermined* u = &d->undetermined[i];
    CHECK(u->reason != NULL);
    CHECK(u->first_need + u->need_count <= d->need_count);
  }
  for (size_t i = 0; i < d->need_count; ++i) CHECK(fuzhu_policy_fact_path(policy, d->needs[i]) != NULL);
}

static void test_decide(void) {
  fuzhu_policy* policy = compile_yiyang();
  fuzhu_decider* decider = NULL;
  CHECK(fuzhu_decider_new(policy, NULL, &decider) == FUZHU_OK);
  /* The decider keeps what it needs: the policy handle may go first. */
  fuzhu_policy* names = compile_yiyang();
  fuzhu_policy_free(policy);

  size_t length = 0;
  char* family = read_file("examples/families/yiyang_bereaved.json", &length);
  const fuzhu_decisions* d = NULL;
  CHECK(fuzhu_decide_json(decider, family, length, "2026-11-23", &d) == FUZHU_OK);
  if (d != NULL) check_decisions(names, d);
  CHECK(fuzhu_diagnostics_count(fuzhu_decider_diagnostics(decider)) == 0);

  const char* lost = "{\"child\": {\"status\": \"lost\"}}";
  CHECK(fuzhu_decide_json(decider, lost, strlen(lost), "2026-11-23", &d) == FUZHU_ERROR_FACTS);
  CHECK(d == NULL);
  const fuzhu_diagnostic* why = fuzhu_diagnostics_at(fuzhu_decider_diagnostics(decider), 0);
  CHECK(why != NULL && strcmp(why->code, "X003") == 0 && strcmp(why->path, "child.status") == 0);
  CHECK(fuzhu_decide_json(decider, family, length, "someday", &d) == FUZHU_ERROR_ARGUMENT);

  /* The same decider, reused after errors, decides the family again. */
  CHECK(fuzhu_decide_json(decider, family, length, "2026-11-23", &d) == FUZHU_OK);
  if (d != NULL) check_decisions(names, d);
  CHECK(fuzhu_decide_json(NULL, family, length, NULL, &d) == FUZHU_ERROR_ARGUMENT);
  fuzhu_decider_free(decider);
  decider = (fuzhu_decider*)1; /* must be reset */
  CHECK(fuzhu_decider_new(NULL, NULL, &decider) == FUZHU_ERROR_ARGUMENT);
  CHECK(decider == NULL);
  free(family);
  fuzhu_policy_free(names);
}

/* Four threads share one policy, each with its own decider. */
typedef struct {
  const fuzhu_policy* policy;
  const char* family;
  size_t length;
  int wrong;
} worker;

static int work(void* argument) {
  worker* w = argument;
  fuzhu_decider* decider = NULL;
  if (fuzhu_decider_new(w->policy, NULL, &decider) != FUZHU_OK) return ++w->wrong;
  for (int i = 0; i < 300; ++i) {
    const fuzhu_decisions* d = NULL;
    if (fuzhu_decide_json(decider, w->family, w->length, "2026-11-23", &d) != FUZHU_OK) {
      ++w->wrong;
      continue;
    }
    int64_t monthly = 0;
    for (size_t k = 0; k < d->granted_count; ++k)
      if (fuzhu_policy_benefit_period(w->policy, d->granted[k].benefit) == FUZHU_PERIOD_MONTHLY)
        monthly += d->granted[k].fen;
    w->wrong += monthly != 98000;
  }
  fuzhu_decider_free(decider);
  return 0;
}

static void test_threads(void) {
  fuzhu_policy* policy = compile_yiyang();
  size_t length = 0;
  char* family = read_file("examples/families/yiyang_bereaved.json", &length);
  thrd_t threads[4];
  worker workers[4];
  for (int i = 0; i < 4; ++i) {
    workers[i] = (worker){policy, family, length, 0};
    CHECK(thrd_create(&threads[i], work, &workers[i]) == thrd_success);
  }
  for (int i = 0; i < 4; ++i) {
    thrd_join(threads[i], NULL);
    CHECK(workers[i].wrong == 0);
  }
  free(family);
  fuzhu_policy_free(policy);
}

int main(int argc, char** argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: test_capi SOURCE_DIR\n");
    return 2;
  }
  snprintf(source_dir, sizeof source_dir, "%s", argv[1]);
  test_basics();
  test_compile_errors();
  test_compile_string();
  test_in_force_for_years();
  fuzhu_policy* policy = compile_yiyang();
  test_names(policy);
  test_evaluate(policy);
  fuzhu_policy_free(policy);
  test_decide();
  test_threads();
  if (failures > 0) {
    fprintf(stderr, "%d checks failed\n", failures);
    return 1;
  }
  puts("C ABI: all checks passed");
  return 0;
}
