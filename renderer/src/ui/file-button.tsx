import type { ReactNode } from 'react';
import { useRef } from 'react';
import { Button } from 'react-aria-components';

/**
 * A button that opens the file chooser. The file input itself is hidden (it keeps `inputLabel` as its
 * accessible name, so tests and assistive technology can still find it) and is emptied after each
 * pick, so choosing the same file again is noticed.
 */
export function FileButton({
  accept,
  inputLabel,
  onFile,
  className = 'button',
  isDisabled,
  children,
}: {
  accept: string;
  inputLabel: string;
  onFile: (file: File) => void;
  className?: string;
  isDisabled?: boolean;
  children: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <input
        ref={input}
        type="file"
        accept={accept}
        aria-label={inputLabel}
        style={{ display: 'none' }}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onFile(file);
        }}
      />
      <Button className={className} isDisabled={isDisabled ?? false} onPress={() => input.current?.click()}>
        {children}
      </Button>
    </>
  );
}
