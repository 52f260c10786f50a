/**
 * ISO 4217 fraction digits per currency, as CLDR `currencyData` gives them — the table
 * `@objectstack/spec` checks a fixed currency's `precision` against (currency-fraction-digits.ts).
 * A static table rather than `Intl`, so the verdict is the same in every browser and Node build.
 * Codes outside it (crypto, custom units) are not checked.
 */

const byDigits: Readonly<Record<number, string>> = {
  0: `AFN ALL BIF CLP COP DJF GNF HUF IDR IQD IRR ISK JPY KMF KPW KRW LAK LBP MGA MMK PKR PYG RWF
    SLL SOS SYP UGX VND VUV XAF XOF XPF YER`,
  2: `AED AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF
    CHF CNY CRC CUC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD HKD
    HNL HRK HTG ILS INR JMD KES KGS KHR KYD KZT LKR LRD LSL MAD MDL MKD MNT MOP MRU MUR MVR MWK MXN
    MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PLN QAR RON RSD RUB SAR SBD SCR SDG SEK SGD SHP
    SLE SRD SSP STN SVC SZL THB TJS TMT TOP TRY TTD TWD TZS UAH USD UYU UZS VES WST XCD XCG XDR XSU
    ZAR ZMW ZWG ZWL`,
  3: 'BHD JOD KWD LYD OMR TND',
}

const digitsByCode: ReadonlyMap<string, number> = new Map(
  Object.entries(byDigits).flatMap(([digits, codes]) =>
    codes.split(/\s+/).map((code) => [code, Number(digits)] as const),
  ),
)

/**
 * The fraction digits of a currency code (any case), or undefined for codes outside ISO 4217.
 *
 * @example
 *   currencyFractionDigits('jpy') // → 0
 *   currencyFractionDigits('KWD') // → 3
 *   currencyFractionDigits('BTC') // → undefined
 */
export function currencyFractionDigits(code: string): number | undefined {
  return digitsByCode.get(code.toUpperCase())
}
