/* `fuzhu eval POLICY FACTS --as-of D --format json [--explain]` through the
 * C ABI: prints the result object, or the diagnostics and exits 1 as the
 * command does (tests/capi/same_as_cli.cmake compares the two).
 *   capi_eval POLICY FACTS AS_OF [explain [LANG]] */
#include <fuzhu/fuzhu.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char* read_all(const char* path, size_t* length) {
  FILE* f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t size = 0, capacity = 4096;
  char* text = malloc(capacity);
  size_t got;
  while ((got = fread(text + size, 1, capacity - size, f)) > 0) {
    size += got;
    if (size == capacity) text = realloc(text, capacity *= 2);
  }
  fclose(f);
  *length = size;
  return text;
}

int main(int argc, char** argv) {
  if (argc < 4) {
    fprintf(stderr, "usage: capi_eval POLICY FACTS AS_OF [explain]\n");
    return 2;
  }
  fuzhu_policy* policy = NULL;
  fuzhu_diagnostics* diagnostics = NULL;
  fuzhu_status status = fuzhu_policy_compile_file(argv[1], NULL, &policy, &diagnostics);
  fputs(fuzhu_diagnostics_render(diagnostics), stderr);
  fuzhu_diagnostics_free(diagnostics);
  if (status != FUZHU_OK) return 1;

  size_t length = 0;
  char* facts = read_all(argv[2], &length);
  if (facts == NULL) {
    fprintf(stderr, "%s: error: no such file\n", argv[2]);
    fuzhu_policy_free(policy);
    return 1;
  }
  fuzhu_eval_options options = {argc > 4 && strcmp(argv[4], "explain") == 0, 0, argc > 5 ? argv[5] : NULL};
  char* json = NULL;
  size_t json_length = 0;
  status = fuzhu_evaluate_json(policy, facts, length, argv[3], &options, &json, &json_length, &diagnostics);
  fputs(fuzhu_diagnostics_render(diagnostics), stderr);
  if (status == FUZHU_OK) fwrite(json, 1, json_length, stdout);
  else fprintf(stderr, "%s: %s\n", fuzhu_status_name(status), fuzhu_last_error());
  fuzhu_free(json);
  fuzhu_diagnostics_free(diagnostics);
  free(facts);
  fuzhu_policy_free(policy);
  return status == FUZHU_OK ? 0 : 1;
}
