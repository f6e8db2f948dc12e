# R's forecast package on the series and origins of Pactcycle's backtest (bench/forecast.bench.ts writes them).
# Usage: Rscript bench/forecast-r.R IN.tsv OUT.csv
# IN: one line per series: id <TAB> start year <TAB> start month <TAB> training lengths (comma-separated) <TAB> values.
# Like Pactcycle, each model is fitted on log(1 + x) and brought back with exp(.) - 1 (medians on the count scale),
# so the comparison is of the forecasting methods, not of the transformation. auto.arima and ets with their defaults.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
lines <- readLines(args[1])
out <- file(args[2], "w")
writeLines("id,n,model,h,mean,lo80,hi80,lo95,hi95,seconds", out)
back <- function(v) pmax(0, expm1(as.numeric(v)))
for (line in lines) {
  f <- strsplit(line, "\t", fixed = TRUE)[[1]]
  id <- f[1]
  start <- c(as.integer(f[2]), as.integer(f[3]))
  cuts <- as.integer(strsplit(f[4], ",", fixed = TRUE)[[1]])
  values <- as.numeric(strsplit(f[5], ",", fixed = TRUE)[[1]])
  for (n in cuts) {
    y <- ts(log1p(values[1:n]), start = start, frequency = 12)
    for (model in c("ets", "auto.arima")) {
      t0 <- proc.time()[["elapsed"]]
      fc <- tryCatch({
        fit <- if (model == "ets") ets(y) else auto.arima(y)
        forecast(fit, h = 12, level = c(80, 95))
      }, error = function(e) NULL)
      secs <- proc.time()[["elapsed"]] - t0
      if (is.null(fc)) next
      m <- back(fc$mean); l80 <- back(fc$lower[, 1]); h80 <- back(fc$upper[, 1]); l95 <- back(fc$lower[, 2]); h95 <- back(fc$upper[, 2])
      for (h in 1:12) {
        writeLines(sprintf("\"%s\",%d,%s,%d,%.6f,%.6f,%.6f,%.6f,%.6f,%.4f", id, n, model, h, m[h], l80[h], h80[h], l95[h], h95[h], if (h == 1) secs else 0), out)
      }
    }
  }
}
close(out)
