/**
 * A field's error, tied to its control with aria-describedby (the id). Always rendered, empty when
 * there is no error, so the reference never points at nothing.
 */
export function FieldError({ id, message }: { id: string; message?: string }) {
  return (
    <p id={id} class="bb-error" hidden={!message}>
      {message}
    </p>
  );
}
