# Reference results for src/domain/forecast/stl.test.ts: R's stl (package stats) with s.window = 11, as forecast's
# mstl uses it for one seasonal period, and forecast's seasonal strength (seas.heuristic) and nsdiffs.
# Regenerate: Rscript test/data/forecast/stl-reference.R > test/data/forecast/stl-reference.json
suppressMessages(library(forecast))
num <- function(x) paste0("[", paste(sprintf("%.10g", as.numeric(x)), collapse = ","), "]")
one <- function(name, y) {
  f <- stl(y, s.window = 11)
  paste0('"', name, '":{"frequency":', frequency(y), ',"y":', num(y), ',"seasonal":', num(f$time.series[, "seasonal"]),
    ',"trend":', num(f$time.series[, "trend"]), ',"strength":', forecast:::seas.heuristic(y), ',"nsdiffs":', nsdiffs(y), '}')
}
cat("{", paste(
  paste0('"_note":"Computed by test/data/forecast/stl-reference.R with R ', R.version$major, '.', R.version$minor, ' and forecast ', as.character(packageVersion("forecast")), ' on datasets shipped with R (package datasets); a log_ prefix means the series was log-transformed first, a _first48 suffix that only its first 48 months were used."'),
  one("log_AirPassengers", log(AirPassengers)),
  one("log_USAccDeaths", log(USAccDeaths)),
  one("log_UKDriverDeaths_first48", window(log(UKDriverDeaths), end = c(1972, 12))),
  one("nottem", nottem),
  one("log_co2_first48", window(log(co2), end = c(1962, 12))),
  one("WWWusage_as_monthly", ts(as.numeric(WWWusage), frequency = 12)),
  sep = ",\n"), "}\n")
