import type { StatusOption } from '../../../../shared/domain/table';
import type { EditStore } from '../table/edit-store';
interface Props {
    edits: EditStore;
    statusOptions: readonly StatusOption[];
}
export declare function EditConflicts({ edits, statusOptions }: Props): import("react").JSX.Element | null;
export {};
