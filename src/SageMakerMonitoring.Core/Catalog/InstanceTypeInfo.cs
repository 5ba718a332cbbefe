namespace SageMakerMonitoring.Core.Catalog
{
    /// <summary>What the module needs to know about an ml.* instance type to read utilization per device: vCPUs, GPUs,
    /// and the memory of one GPU (GiB, 0 without GPUs).</summary>
    public sealed class InstanceTypeInfo
    {
        public InstanceTypeInfo(string name, int vCpus, int gpus, int gpuMemoryGiB)
        {
            Name = name;
            VCpus = vCpus;
            Gpus = gpus;
            GpuMemoryGiB = gpuMemoryGiB;
        }

        /// <summary>ml.p3.8xlarge</summary>
        public string Name { get; }
        /// <summary>p3 (the part between "ml." and the size).</summary>
        public string Family => Name.Split('.')[1];
        public int VCpus { get; }
        public int Gpus { get; }
        /// <summary>Memory of one GPU in GiB.</summary>
        public int GpuMemoryGiB { get; }

        public override string ToString() => $"{Name} ({VCpus} vCPUs, {Gpus} GPUs)";
    }
}
