/** Parameters an analysis cannot run on, with the field at fault (answered 400). */
export class AnalysisInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}
