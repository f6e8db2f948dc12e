# Reference results for src/domain/forecast/theta.test.ts: R forecast's thetaf (Debian r-cran-forecast).
# Regenerate: Rscript test/data/forecast/theta-reference.R > test/data/forecast/theta-reference.json
suppressMessages(library(forecast))
num <- function(x) paste0("[", paste(sprintf("%.10g", as.numeric(x)), collapse = ","), "]")
one <- function(name, y, h) {
  f <- thetaf(y, h = h, level = c(80, 95))
  r <- as.numeric(acf(y, lag.max = frequency(y), plot = FALSE)$acf)[-1]
  paste0('"', name, '":{"frequency":', frequency(y), ',"y":', num(y), ',"alpha":', f$model$alpha, ',"drift":', f$model$drift,
    ',"acf":', num(r), ',"mean":', num(f$mean), ',"lo80":', num(f$lower[, 1]), ',"hi95":', num(f$upper[, 2]), '}')
}
cat("{", paste(
  paste0('"_note":"Computed by test/data/forecast/theta-reference.R with R ', R.version$major, '.', R.version$minor, ' and forecast ', as.character(packageVersion("forecast")), ' on datasets shipped with R (package datasets); a log_ prefix means the series was log-transformed first."'),
  one("log_AirPassengers", log(AirPassengers), 24),
  one("log_USAccDeaths", log(USAccDeaths), 12),
  one("log_UKDriverDeaths", log(UKDriverDeaths), 12),
  one("WWWusage", WWWusage, 10),
  sep = ",\n"), "}\n")
