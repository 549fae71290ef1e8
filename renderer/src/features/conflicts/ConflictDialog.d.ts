import { type ReactNode } from 'react';
import './conflicts.css';
export interface ConflictDialogProps {
    /** What was edited, e.g. "T2·I1 进展". */
    what: string;
    theirs: ReactNode;
    mine: ReactNode;
    /** Conflicts waiting behind this one. */
    more?: number;
    busy?: boolean;
    onKeepTheirs(): void;
    onOverwrite(): void;
    onEdit(): void;
}
export declare function ConflictDialog(props: ConflictDialogProps): import("react").JSX.Element;
/** A value as the dialog shows it: empty values say so instead of showing nothing. */
export declare function ConflictValue({ text }: {
    text: string | null;
}): import("react").JSX.Element;
