# Reference results for src/domain/forecast tests, computed with R's forecast package (Debian r-cran-forecast).
# Regenerate: Rscript test/data/forecast/reference.R > test/data/forecast/r-reference.json
suppressMessages(library(forecast))
num <- function(x) paste0("[", paste(sprintf("%.10g", as.numeric(x)), collapse = ","), "]")
one <- function(name, y, h = 12) {
  e <- ets(y)
  fe <- forecast(e, h = h, level = c(80, 95))
  a <- auto.arima(y)
  fa <- forecast(a, h = h, level = c(80, 95))
  sn <- snaive(y, h = h, level = c(80, 95))
  dr <- rwf(y, h = h, drift = TRUE, level = c(80, 95))
  nv <- naive(y, h = h, level = c(80, 95))
  css <- if (frequency(y) == 12) Arima(y, order = c(0, 1, 1), seasonal = c(0, 1, 1), method = "CSS") else Arima(y, order = c(1, 1, 1), method = "CSS")
  fc <- forecast(css, h = h, level = c(80, 95))
  paste0('"', name, '":{"frequency":', frequency(y), ',"start":', num(start(y)), ',"y":', num(y),
    ',"ets":{"model":"', e$method, '","aicc":', e$aicc, ',"mean":', num(fe$mean), ',"lo95":', num(fe$lower[, 2]), ',"hi95":', num(fe$upper[, 2]), '}',
    ',"arima":{"model":"', as.character(a), '","mean":', num(fa$mean), ',"lo80":', num(fa$lower[, 1]), ',"hi95":', num(fa$upper[, 2]), '}',
    ',"css":{"model":"', as.character(css), '","coef":', num(coef(css)), ',"sigma2":', css$sigma2, ',"mean":', num(fc$mean), ',"lo95":', num(fc$lower[, 2]), ',"hi95":', num(fc$upper[, 2]), '}',
    ',"snaive":{"mean":', num(sn$mean), ',"lo80":', num(sn$lower[, 1]), ',"hi95":', num(sn$upper[, 2]), '}',
    ',"drift":{"mean":', num(dr$mean), ',"lo80":', num(dr$lower[, 1]), ',"hi95":', num(dr$upper[, 2]), '}',
    ',"naive":{"mean":', num(nv$mean), ',"lo80":', num(nv$lower[, 1]), ',"hi95":', num(nv$upper[, 2]), '}}')
}
cat("{", paste(
  paste0('"_note":"Computed by test/data/forecast/reference.R with R ', R.version$major, '.', R.version$minor, ' and forecast ', as.character(packageVersion("forecast")), ' on the datasets shipped with R (package datasets); a log_ prefix means the series was log-transformed before fitting."'),
  one("log_AirPassengers", log(AirPassengers)),
  one("log_USAccDeaths", log(USAccDeaths)),
  one("WWWusage", WWWusage, h = 10),
  sep = ",\n"), "}\n")
