export declare const conflicts: {
    readonly zh: {
        readonly title: "此内容已在别处修改";
        readonly lead: "您编辑时，“{{what}}”已在另一个窗口或标签页中被保存。您的修改尚未保存。请选择保留哪一个。";
        readonly theirs: "已保存的版本";
        readonly mine: "您的版本";
        readonly empty: "（空）";
        readonly keepTheirs: "保留已保存的版本";
        readonly overwrite: "用我的版本覆盖";
        readonly edit: "继续编辑";
        readonly more: "还有 {{count}} 处冲突";
        readonly statusList: "状态列表";
    };
    readonly en: {
        readonly title: "This was changed elsewhere";
        readonly lead: "While you were editing, “{{what}}” was saved in another window or tab. Your change has not been saved. Choose which one to keep.";
        readonly theirs: "Saved version";
        readonly mine: "Your version";
        readonly empty: "(empty)";
        readonly keepTheirs: "Keep the saved version";
        readonly overwrite: "Overwrite with mine";
        readonly edit: "Keep editing";
        readonly more: "{{count}} more conflicts";
        readonly statusList: "the status list";
    };
};
